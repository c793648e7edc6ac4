using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class DeliveryTests : BookedShipmentTests
{
    [Fact]
    public async Task The_consignee_confirms_delivery_at_the_destination_which_closes_the_shipment_and_passes_custody()
    {
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Deliver());

        var shipment = await ShipmentAsync();
        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.True(shipment.Closed);
        Assert.Equal(Ledger.Now, shipment.DeliveredAt);
        Assert.Equal(Cast.Importer.Address, shipment.Custodian);
        Assert.Equal(new CustodyTransferView(Cast.Exporter.Address, Cast.Importer.Address, Ledger.Now, Ledger.Now), shipment.CustodyTransfers[^1]);
    }

    [Fact]
    public async Task Only_the_consignee_confirms_delivery()
    {
        await Ledger.RefusesAsync(ReasonCodes.NotConsignee, Cast.Carrier, Tx.Deliver());
    }

    [Fact]
    public async Task Delivery_is_confirmed_at_the_destination()
    {
        await Ledger.RefusesAsync(ReasonCodes.WrongLocation, Cast.Importer, Tx.Deliver("PKKHI"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidLocation, Cast.Importer, Tx.Deliver("Lahore"));
    }

    [Fact]
    public async Task A_delivered_shipment_takes_no_more_events_or_deliveries()
    {
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Deliver());

        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.Importer, Tx.Deliver());
        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.Carrier, Tx.Transport("E-ARRI", DcsaEventCodes.Arrived, "PKLHE"));
        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.Importer, Tx.ShipmentStatus("S-CMPL", "CMPL", "PKLHE"));
    }

    [Fact]
    public async Task Delivery_of_an_unknown_shipment_is_refused()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownShipment, Cast.Importer, Tx.Deliver(shipmentId: "SH-NONE"));
    }
}
