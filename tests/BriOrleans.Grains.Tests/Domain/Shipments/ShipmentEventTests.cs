using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class ShipmentEventTests : BookedShipmentTests
{
    [Fact]
    public async Task A_recorded_event_keeps_its_DCSA_fields_its_recorder_and_the_ledger_time()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));

        var recorded = Assert.Single(await EventsAsync());
        Assert.Equal(new ShipmentEventView("E-DEPA", DcsaEventCodes.Transport, DcsaEventCodes.Departed, DcsaEventCodes.Actual, Tx.EventTime,
            "CNSIA", "", "TRAIN-X8024", "", Cast.Carrier.Address, Ledger.Now, ""), recorded);
    }

    [Fact]
    public async Task The_carrier_and_the_custodian_record_transport_and_equipment_events_others_do_not()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Equipment("E-STUF", "STUF", "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-GTIN", "GTIN", "CNSIA"));

        await Ledger.RefusesAsync(ReasonCodes.NotCustodian, Cast.Forwarder, Tx.Equipment("E-GTOT", DcsaEventCodes.GatedOut, "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.NotCustodian, Cast.Importer, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));
    }

    [Fact]
    public async Task Custody_decides_who_besides_the_carrier_records_events()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Forwarder.Address));
        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.Accept());

        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.Equipment("E-GTIN", "GTIN", "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.NotCustodian, Cast.Exporter, Tx.Equipment("E-GTOT", DcsaEventCodes.GatedOut, "CNSIA"));
    }

    [Fact]
    public async Task Document_status_events_are_recorded_by_organizations_involved_in_the_shipment()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.ShipmentStatus("S-ISSU", "ISSU", "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.ShipmentStatus("S-SURR", "SURR", "PKLHE"));

        await Ledger.RefusesAsync(ReasonCodes.NotShipmentParty, Cast.Port, Tx.ShipmentStatus("S-APPR", "APPR", "KZALA"));
    }

    [Theory]
    [InlineData("OPERATIONS", "ARRI", "ACT", ReasonCodes.UnknownEventType)]
    [InlineData("transport", "ARRI", "ACT", ReasonCodes.UnknownEventType)]
    [InlineData("TRANSPORT", "LOAD", "ACT", ReasonCodes.UnknownEventCode)]
    [InlineData("EQUIPMENT", "HOLD", "ACT", ReasonCodes.UnknownEventCode)]
    [InlineData("SHIPMENT", "DEPA", "ACT", ReasonCodes.UnknownEventCode)]
    [InlineData("TRANSPORT", "DEPA", "REQ", ReasonCodes.InvalidClassifier)]
    [InlineData("SHIPMENT", "ISSU", "PLN", ReasonCodes.InvalidClassifier)]
    public async Task Events_use_DCSA_types_codes_and_classifiers(string type, string code, string classifier, string reason)
    {
        await Ledger.RefusesAsync(reason, Cast.Carrier,
            Tx.Event("E-1", type, code, "CNSIA", classifier, type == DcsaEventCodes.Equipment ? Tx.ContainerA : "", "TRAIN-X8024"));
    }

    [Fact]
    public async Task Equipment_events_name_a_container_of_the_shipment()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownEquipment, Cast.Carrier, Tx.Equipment("E-1", "GTIN", "CNSIA", equipment: ""));
        await Ledger.RefusesAsync(ReasonCodes.UnknownEquipment, Cast.Carrier, Tx.Equipment("E-1", "GTIN", "CNSIA", equipment: Tx.ContainerB));
        await Ledger.RefusesAsync(ReasonCodes.UnknownEquipment, Cast.Carrier,
            Tx.Event("E-1", DcsaEventCodes.Transport, DcsaEventCodes.Departed, "CNSIA", equipment: Tx.ContainerB, transport: "T"));
    }

    [Fact]
    public async Task Transport_events_name_their_vessel_train_or_truck()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Carrier, Tx.Transport("E-1", DcsaEventCodes.Departed, "CNSIA", transport: ""));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Carrier, Tx.Transport("E-1", DcsaEventCodes.Departed, "CNSIA", transport: "TRAIN X"));
    }

    [Fact]
    public async Task An_event_has_a_time_and_an_actual_one_is_not_in_the_future_of_its_block()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Carrier, Tx.Event("E-1", DcsaEventCodes.Equipment, "GTIN", "CNSIA", equipment: Tx.ContainerA, time: 0));
        var future = (Ledger.Now + 60_000) / 1000;
        await Ledger.RefusesAsync(ReasonCodes.EventInFuture, Cast.Carrier, Tx.Event("E-1", DcsaEventCodes.Equipment, "GTIN", "CNSIA", equipment: Tx.ContainerA, time: future));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Event("E-1", DcsaEventCodes.Equipment, "GTIN", "CNSIA", DcsaEventCodes.Estimated, Tx.ContainerA, time: future));
    }

    [Fact]
    public async Task An_event_location_is_a_UN_LOCODE()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidLocation, Cast.Carrier, Tx.Equipment("E-1", "GTIN", "Xi'an"));
    }

    [Fact]
    public async Task Event_ids_are_unique_within_a_shipment()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-1", "GTIN", "CNSIA"));

        await Ledger.RefusesAsync(ReasonCodes.EventExists, Cast.Carrier, Tx.Equipment("E-1", "GTIN", "CNSIA", classifier: DcsaEventCodes.Planned));
        await Ledger.RefusesAsync(ReasonCodes.InvalidId, Cast.Carrier, Tx.Equipment("E 2", "GTIN", "CNSIA"));
    }

    [Fact]
    public async Task Events_of_an_unknown_shipment_are_refused()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownShipment, Cast.Carrier,
            Tx.Event("E-1", DcsaEventCodes.Equipment, "GTIN", "CNSIA", equipment: Tx.ContainerA, shipmentId: "SH-NONE"));
    }

    [Fact]
    public async Task Event_locations_add_the_countries_the_shipment_touches()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("P-ARRI", DcsaEventCodes.Arrived, "RUMOW", classifier: DcsaEventCodes.Planned));

        Assert.Equal(["CN", "KZ", "PK", "RU"], (await ShipmentAsync()).Countries);
    }
}
