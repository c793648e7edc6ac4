using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class RetractionTests : BookedShipmentTests
{
    [Fact]
    public async Task A_retraction_keeps_both_events_and_undoes_the_movement()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));

        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Retract("E-DEPA-RETRACTED", "E-DEPA"));

        var events = await EventsAsync();
        Assert.Equal(["E-DEPA", "E-DEPA-RETRACTED"], events.Select(e => e.EventId));
        Assert.Equal("E-DEPA-RETRACTED", events[0].RetractedBy);
        Assert.True(events[1].IsRetraction);
        Assert.Equal(new EquipmentPositionView(Tx.ContainerA, "CNSIA", false, "", false), await PositionAsync());
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync()).Status);
    }

    [Fact]
    public async Task A_corrected_actual_event_is_recorded_anew_after_the_retraction()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA", "TRAIN-WRONG"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Retract("E-DEPA-R", "E-DEPA"));

        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-2", DcsaEventCodes.Departed, "CNSIA", "TRAIN-X8024"));

        Assert.Equal("TRAIN-X8024", (await PositionAsync()).Transport);
    }

    [Fact]
    public async Task Only_the_recorder_or_customs_of_the_events_country_retract_it()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-GTIN", "GTIN", "CNSIA"));

        await Ledger.RefusesAsync(ReasonCodes.RetractionNotAllowed, Cast.Exporter, Tx.Retract("R-1", "E-GTIN"));
        await Ledger.RefusesAsync(ReasonCodes.RetractionNotAllowed, Cast.CustomsKz, Tx.Retract("R-1", "E-GTIN"));
        await Ledger.ExecutesAsync(Cast.CustomsCn, Tx.Retract("R-1", "E-GTIN"));
    }

    [Fact]
    public async Task A_retraction_carries_no_payload()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-GTIN", "GTIN", "CNSIA"));

        await Ledger.RefusesAsync(ReasonCodes.InvalidRetraction, Cast.Carrier, (from, nonce) => new RecordShipmentEvent(
            from, nonce, "SH-1", "R-1", DcsaEventCodes.Equipment, "GTIN", DcsaEventCodes.Actual, Tx.EventTime, "CNSIA", Tx.ContainerA, "", "E-GTIN"));
    }

    [Fact]
    public async Task Unknown_retracted_retractions_and_retractions_of_retractions_are_refused()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-GTIN", "GTIN", "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownEvent, Cast.Carrier, Tx.Retract("R-1", "E-NONE"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Retract("R-1", "E-GTIN"));

        await Ledger.RefusesAsync(ReasonCodes.EventAlreadyRetracted, Cast.Carrier, Tx.Retract("R-2", "E-GTIN"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidRetraction, Cast.Carrier, Tx.Retract("R-3", "R-1"));
    }

    [Fact]
    public async Task Retracting_a_hold_lifts_it()
    {
        await Ledger.ExecutesAsync(Cast.CustomsCn, Tx.ShipmentStatus("C-HOLD", DcsaEventCodes.OnHold, "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));

        await Ledger.ExecutesAsync(Cast.CustomsCn, Tx.Retract("C-HOLD-R", "C-HOLD"));

        Assert.Empty((await ShipmentAsync()).Holds);
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));
    }

    [Fact]
    public async Task Retracting_an_earlier_event_replays_the_ones_that_stand()
    {
        await MoveToAlmatyAsync();

        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Retract("R-LOAD", "E-LOAD-SIA"));

        Assert.Equal(new EquipmentPositionView(Tx.ContainerA, "KZALA", false, "", false), await PositionAsync());
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Equipment("E-DISC-ALA", DcsaEventCodes.Discharged, "KZALA"));
    }

    [Fact]
    public async Task After_delivery_only_customs_retractions_are_accepted()
    {
        await MoveToAlmatyAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Deliver());

        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.Carrier, Tx.Retract("R-1", "E-ARRI-ALA"));
        await Ledger.RefusesAsync(ReasonCodes.ShipmentClosed, Cast.CustomsKz, Tx.Equipment("C-CUSI", DcsaEventCodes.CustomsSelectedForInspection, "KZALA"));
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.Retract("R-1", "E-ARRI-ALA"));

        Assert.Equal(ShipmentStatus.Delivered, (await ShipmentAsync()).Status);
    }
}
