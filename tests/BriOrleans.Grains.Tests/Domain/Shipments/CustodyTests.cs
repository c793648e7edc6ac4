using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class CustodyTests : BookedShipmentTests
{
    [Fact]
    public async Task Custody_passes_when_the_named_organization_accepts_the_custodians_handover()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Carrier.Address));
        var offered = await ShipmentAsync();
        var offeredAt = Ledger.Now;
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Accept());

        var accepted = await ShipmentAsync();
        Assert.Equal(Cast.Exporter.Address, offered.Custodian);
        Assert.Equal(Cast.Carrier.Address, offered.PendingCustodian);
        Assert.Equal(Cast.Carrier.Address, accepted.Custodian);
        Assert.Null(accepted.PendingCustodian);
        Assert.Equal([new CustodyTransferView(Cast.Exporter.Address, Cast.Carrier.Address, offeredAt, Ledger.Now)], accepted.CustodyTransfers);
    }

    [Fact]
    public async Task Only_the_current_custodian_hands_over()
    {
        await Ledger.RefusesAsync(ReasonCodes.NotCustodian, Cast.Carrier, Tx.HandOver(Cast.Forwarder.Address));
    }

    [Fact]
    public async Task Only_the_organization_offered_custody_accepts_it()
    {
        await Ledger.RefusesAsync(ReasonCodes.CustodyNotOffered, Cast.Forwarder, Tx.Accept());
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Carrier.Address));

        await Ledger.RefusesAsync(ReasonCodes.CustodyNotOffered, Cast.Forwarder, Tx.Accept());
    }

    [Fact]
    public async Task A_new_offer_replaces_the_pending_one()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Carrier.Address));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Forwarder.Address));

        await Ledger.RefusesAsync(ReasonCodes.CustodyNotOffered, Cast.Carrier, Tx.Accept());
        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.Accept());
    }

    [Fact]
    public async Task Custody_goes_to_a_registered_active_organization_that_can_hold_goods_other_than_the_custodian()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidCustodian, Cast.Exporter, Tx.HandOver(Cast.Exporter.Address));
        await Ledger.RefusesAsync(ReasonCodes.UnknownOrganization, Cast.Exporter, Tx.HandOver(Cast.Stranger.Address));
        await Ledger.RefusesAsync(ReasonCodes.PartyRoleRequired, Cast.Exporter, Tx.HandOver(Cast.CustomsCn.Address));
        await Ledger.ExecutesAsync(TestLedger.Registrar("KZ"), (from, nonce) => new Transactions.SuspendOrganization(from, nonce, Cast.Port.Address, "audit"));
        await Ledger.RefusesAsync(ReasonCodes.PartySuspended, Cast.Exporter, Tx.HandOver(Cast.Port.Address));
    }

    [Fact]
    public async Task Custody_of_an_unknown_shipment_is_refused()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownShipment, Cast.Exporter, Tx.HandOver(Cast.Carrier.Address, "SH-NONE"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownShipment, Cast.Carrier, Tx.Accept("SH-NONE"));
    }

    [Fact]
    public async Task Custody_of_a_delivered_shipment_no_longer_moves()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Carrier.Address));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Deliver());

        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.Carrier, Tx.Accept());
        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.Importer, Tx.HandOver(Cast.Forwarder.Address));
    }
}
