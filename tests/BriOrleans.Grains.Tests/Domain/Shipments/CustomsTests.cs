using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class CustomsTests : BookedShipmentTests
{
    [Fact]
    public async Task Customs_of_the_locations_country_record_customs_events()
    {
        await MoveToAlmatyAsync();

        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.Equipment("C-CUSI", DcsaEventCodes.CustomsSelectedForInspection, "KZALA"));
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.Equipment("C-CUSR", DcsaEventCodes.CustomsReleased, "KZALA"));
    }

    [Fact]
    public async Task Customs_of_another_country_may_not_record_customs_events_there()
    {
        await MoveToAlmatyAsync();

        await Ledger.RefusesAsync(ReasonCodes.CustomsWrongCountry, Cast.CustomsCn, Tx.Equipment("C-CUSS", DcsaEventCodes.CustomsSelectedForScan, "KZALA"));
        await Ledger.RefusesAsync(ReasonCodes.CustomsWrongCountry, Cast.CustomsPk, Tx.ShipmentStatus("C-HOLD", DcsaEventCodes.OnHold, "KZALA"));
    }

    [Fact]
    public async Task Organizations_that_are_not_customs_may_not_record_customs_events_even_the_carrier()
    {
        await Ledger.RefusesAsync(ReasonCodes.RoleRequired, Cast.Carrier, Tx.Equipment("C-CUSR", DcsaEventCodes.CustomsReleased, "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.RoleRequired, Cast.Carrier, Tx.ShipmentStatus("C-RELS", DcsaEventCodes.Released, "CNSIA"));
    }

    [Fact]
    public async Task A_hold_blocks_departure_loading_and_gate_out_from_that_country_until_released()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-LOAD-SIA", DcsaEventCodes.Loaded, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-SIA", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-ARRI-ALA", DcsaEventCodes.Arrived, "KZALA"));
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.ShipmentStatus("C-HOLD", DcsaEventCodes.OnHold, "KZALA"));

        Assert.Equal([new CustomsHoldView("KZ", Cast.CustomsKz.Address, "C-HOLD")], (await ShipmentAsync()).Holds);
        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Carrier, Tx.Transport("E-DEPA-ALA", DcsaEventCodes.Departed, "KZALA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-DISC-ALA", DcsaEventCodes.Discharged, "KZALA"));
        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Carrier, Tx.Equipment("E-LOAD-ALA", DcsaEventCodes.Loaded, "KZALA"));
        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Carrier, Tx.Equipment("E-GTOT-ALA", DcsaEventCodes.GatedOut, "KZALA"));
        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Carrier, Tx.Equipment("E-PICK-ALA", DcsaEventCodes.PickedUp, "KZALA"));

        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.ShipmentStatus("C-RELS", DcsaEventCodes.Released, "KZALA"));

        Assert.Empty((await ShipmentAsync()).Holds);
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-LOAD-ALA", DcsaEventCodes.Loaded, "KZALA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-ALA", DcsaEventCodes.Departed, "KZALA"));
    }

    [Fact]
    public async Task A_held_shipment_cannot_cross_a_border_at_a_point_in_the_holding_country()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-SIA", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.ShipmentStatus("C-HOLD", DcsaEventCodes.OnHold, "KZALA"));

        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Carrier, Tx.Equipment("E-CROS", DcsaEventCodes.Crossed, "KZALA"));
    }

    [Fact]
    public async Task A_hold_in_one_country_does_not_stop_movement_in_another()
    {
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.ShipmentStatus("C-HOLD", DcsaEventCodes.OnHold, "KZALA"));

        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-SIA", DcsaEventCodes.Departed, "CNSIA"));
    }

    [Fact]
    public async Task Holds_are_kept_per_country()
    {
        await Ledger.ExecutesAsync(Cast.CustomsPk, Tx.ShipmentStatus("C-HOLD-PK", DcsaEventCodes.OnHold, "PKLHE"));
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.ShipmentStatus("C-HOLD-KZ", DcsaEventCodes.OnHold, "KZALA"));

        Assert.Equal(["KZ", "PK"], (await ShipmentAsync()).Holds.Select(h => h.Country));
        await Ledger.RefusesAsync(ReasonCodes.AlreadyHeld, Cast.CustomsKz, Tx.ShipmentStatus("C-HOLD-KZ-2", DcsaEventCodes.OnHold, "KZALA"));
        await Ledger.ExecutesAsync(Cast.CustomsPk, Tx.ShipmentStatus("C-RELS-PK", DcsaEventCodes.Released, "PKLHE"));
        Assert.Equal(["KZ"], (await ShipmentAsync()).Holds.Select(h => h.Country));
    }

    [Fact]
    public async Task Releasing_a_shipment_customs_do_not_hold_is_refused()
    {
        await Ledger.RefusesAsync(ReasonCodes.NotHeld, Cast.CustomsKz, Tx.ShipmentStatus("C-RELS", DcsaEventCodes.Released, "KZALA"));
    }

    [Fact]
    public async Task A_held_shipment_is_not_delivered_until_released()
    {
        await Ledger.ExecutesAsync(Cast.CustomsPk, Tx.ShipmentStatus("C-HOLD", DcsaEventCodes.OnHold, "PKLHE"));

        await Ledger.RefusesAsync(ReasonCodes.ShipmentHeld, Cast.Importer, Tx.Deliver());

        await Ledger.ExecutesAsync(Cast.CustomsPk, Tx.ShipmentStatus("C-RELS", DcsaEventCodes.Released, "PKLHE"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Deliver());
    }

    [Fact]
    public async Task Planned_customs_events_are_still_customs_only()
    {
        await Ledger.RefusesAsync(ReasonCodes.RoleRequired, Cast.Carrier, Tx.Equipment("P-CUSS", DcsaEventCodes.CustomsSelectedForScan, "KZALA", classifier: DcsaEventCodes.Planned));
        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.Equipment("P-CUSS", DcsaEventCodes.CustomsSelectedForScan, "KZALA", classifier: DcsaEventCodes.Planned));
    }
}
