using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class ShipmentCreationTests
{
    [Fact]
    public async Task The_shipper_creates_a_shipment_and_holds_custody_of_it()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast, equipment: [Tx.ContainerA, Tx.ContainerB]));

        var shipment = await ledger.ShipmentAsync("SH-1");
        Assert.Equal(cast.Exporter.Address, shipment.CreatedBy);
        Assert.Equal(cast.Exporter.Address, shipment.Custodian);
        Assert.Null(shipment.PendingCustodian);
        Assert.Equal(ShipmentStatus.Booked, shipment.Status);
        Assert.Equal(["CN", "KZ", "PK"], shipment.Countries);
        Assert.Equal([Tx.ContainerA, Tx.ContainerB], shipment.Positions.Select(p => p.EquipmentReference));
        Assert.All(shipment.Positions, p => Assert.Equal("CNSIA", p.Place));
        Assert.Equal(1_250_000_00, shipment.Goods.DeclaredValue);
        Assert.Empty((await ledger.Grains.GetGrain<IShipmentGrain>("SH-1").GetEventsAsync())!);
    }

    [Fact]
    public async Task The_carrier_or_a_forwarder_may_create_the_shipment_but_not_the_consignee_or_an_outsider()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.ExecutesAsync(cast.Carrier, Tx.CreateShipment(cast, id: "SH-CARRIER"));
        await ledger.ExecutesAsync(cast.Forwarder, Tx.CreateShipment(cast, id: "SH-FORWARDER"));
        await ledger.RefusesAsync(ReasonCodes.NotShipmentParty, cast.Importer, Tx.CreateShipment(cast, id: "SH-CONSIGNEE"));
        await ledger.RefusesAsync(ReasonCodes.NotShipmentParty, cast.CustomsCn, Tx.CreateShipment(cast, id: "SH-CUSTOMS"));

        Assert.Equal(cast.Forwarder.Address, (await ledger.ShipmentAsync("SH-FORWARDER")).CreatedBy);
    }

    [Fact]
    public async Task A_shipment_id_is_taken_once()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast));

        await ledger.RefusesAsync(ReasonCodes.ShipmentExists, cast.Carrier, Tx.CreateShipment(cast));
    }

    [Fact]
    public async Task Parties_must_be_registered_with_fitting_roles()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.UnknownOrganization, cast.Carrier, Tx.CreateShipment(cast, shipper: cast.Stranger.Address));
        await ledger.RefusesAsync(ReasonCodes.PartyRoleRequired, cast.Carrier, Tx.CreateShipment(cast, shipper: cast.Port.Address));
        await ledger.RefusesAsync(ReasonCodes.PartyRoleRequired, cast.Exporter, Tx.CreateShipment(cast, consignee: cast.Exporter.Address));
        await ledger.RefusesAsync(ReasonCodes.PartyRoleRequired, cast.Exporter, Tx.CreateShipment(cast, carrier: cast.Forwarder.Address));
        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast, consignee: cast.Forwarder.Address));
    }

    [Theory]
    [InlineData("CNSI", "PKLHE", ReasonCodes.InvalidLocation)]
    [InlineData("cnsia", "PKLHE", ReasonCodes.InvalidLocation)]
    [InlineData("CNSI1", "PKLHE", ReasonCodes.InvalidLocation)]
    [InlineData("CNSIA", "PKLHE1", ReasonCodes.InvalidLocation)]
    [InlineData("CNSIA", "CNSIA", ReasonCodes.InvalidRoute)]
    public async Task Origin_and_destination_are_distinct_UN_LOCODEs(string origin, string destination, string code)
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(code, cast.Exporter, Tx.CreateShipment(cast, origin: origin, destination: destination, route: []));
    }

    [Fact]
    public async Task Places_outside_the_member_countries_are_accepted_when_well_formed()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast, destination: "DEHAM", route: ["CNSIA", "KZALA", "RUMOW", "DEHAM"]));

        Assert.Equal(["CN", "DE", "KZ", "RU"], (await ledger.ShipmentAsync("SH-1")).Countries);
    }

    [Fact]
    public async Task A_planned_route_runs_from_the_origin_to_the_destination()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.InvalidRoute, cast.Exporter, Tx.CreateShipment(cast, route: ["KZALA", "PKLHE"]));
        await ledger.RefusesAsync(ReasonCodes.InvalidRoute, cast.Exporter, Tx.CreateShipment(cast, route: ["CNSIA", "KZALA"]));
        await ledger.RefusesAsync(ReasonCodes.InvalidLocation, cast.Exporter, Tx.CreateShipment(cast, route: ["CNSIA", "Almaty", "PKLHE"]));
        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast, route: []));
    }

    [Theory]
    [InlineData("CSQU3054384")]
    [InlineData("CSQX3054383")]
    [InlineData("CSQU305438")]
    [InlineData("csqu3054383")]
    public async Task Equipment_must_be_ISO_6346_container_numbers(string container)
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.InvalidEquipment, cast.Exporter, Tx.CreateShipment(cast, equipment: [container]));
    }

    [Fact]
    public async Task A_container_is_listed_once()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.InvalidEquipment, cast.Exporter, Tx.CreateShipment(cast, equipment: [Tx.ContainerA, Tx.ContainerA]));
    }

    [Theory]
    [InlineData(new string[0], 1L, "USD", ReasonCodes.InvalidHsCode)]
    [InlineData(new[] { "8446" }, 1L, "USD", ReasonCodes.InvalidHsCode)]
    [InlineData(new[] { "8446300" }, 1L, "USD", ReasonCodes.InvalidHsCode)]
    [InlineData(new[] { "844630" }, 1L, "usd", ReasonCodes.InvalidCurrency)]
    [InlineData(new[] { "844630" }, 1L, "US", ReasonCodes.InvalidCurrency)]
    public async Task Goods_declare_HS_codes_a_non_negative_value_and_an_ISO_4217_currency(string[] hsCodes, long value, string currency, string code)
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(code, cast.Exporter, Tx.CreateShipment(cast, goods: new Goods(Tx.HashOf("goods"), hsCodes, value, currency)));
    }

    [Fact]
    public async Task A_negative_declared_value_that_no_signature_can_carry_is_still_refused_by_the_grain()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        var create = (CreateShipment)Tx.CreateShipment(cast, goods: new Goods(Tx.HashOf("goods"), ["844630"], -1, "USD"))(cast.Exporter.Address, 0);
        var context = new TransactionContext(Tx.HashOf("unsigned"), Tx.HashOf("block"), 1, ledger.Now + 1_000)
        {
            Sender = await ledger.OrganizationAsync(cast.Exporter.Address),
        };

        var outcome = await ledger.Grains.GetGrain<IShipmentGrain>("SH-1").CreateAsync(create, context);

        Assert.Equal(ReasonCodes.InvalidAmount, outcome.ReasonCode);
        Assert.Null(await ledger.Grains.GetGrain<IShipmentGrain>("SH-1").GetAsync());
    }

    [Fact]
    public async Task Goods_name_their_description_by_hash()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.InvalidField, cast.Exporter, Tx.CreateShipment(cast, goods: new Goods(Crypto.Hash256.Zero, ["844630"], 1, "USD")));
        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast, goods: new Goods(Tx.HashOf("goods"), ["8446300000", "84463000"], 0, "CNY")));
    }

    [Fact]
    public async Task A_shipment_without_equipment_is_tracked_as_one_consignment()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast, equipment: []));

        var position = Assert.Single((await ledger.ShipmentAsync("SH-1")).Positions);
        Assert.Equal("", position.EquipmentReference);
    }

    [Fact]
    public async Task A_never_created_shipment_reads_as_null()
    {
        await using var ledger = await TestLedger.StartAsync();

        Assert.Null(await ledger.Grains.GetGrain<IShipmentGrain>("SH-NONE").GetAsync());
        Assert.Null(await ledger.Grains.GetGrain<IShipmentGrain>("SH-NONE").GetEventsAsync());
    }
}
