using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Shipments;

public sealed class PhysicalOrderTests : BookedShipmentTests
{
    [Fact]
    public async Task Load_depart_arrive_and_discharge_in_order_move_the_container()
    {
        await MoveToAlmatyAsync();
        var afterArrival = await ShipmentAsync();
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-DISC-ALA", DcsaEventCodes.Discharged, "KZALA"));

        var position = await PositionAsync();
        Assert.Equal(new EquipmentPositionView(Tx.ContainerA, "KZALA", false, "", false), position);
        Assert.Equal(ShipmentStatus.InTransit, afterArrival.Status);
    }

    [Fact]
    public async Task A_departed_container_is_underway_on_its_transport()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));

        Assert.Equal(new EquipmentPositionView(Tx.ContainerA, "CNSIA", true, "TRAIN-X8024", false), await PositionAsync());
    }

    [Fact]
    public async Task No_discharge_before_loading()
    {
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Equipment("E-DISC", DcsaEventCodes.Discharged, "CNSIA"));
    }

    [Fact]
    public async Task No_loading_twice()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-LOAD", DcsaEventCodes.Loaded, "CNSIA"));

        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Equipment("E-LOAD-2", DcsaEventCodes.Loaded, "CNSIA"));
    }

    [Fact]
    public async Task No_departure_from_a_place_the_container_is_not_at()
    {
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "KZALA"));
    }

    [Fact]
    public async Task No_departure_from_a_place_it_left_and_never_arrived_at_again()
    {
        await MoveToAlmatyAsync();

        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Transport("E-DEPA-SIA-2", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-ALA", DcsaEventCodes.Departed, "KZALA", "TRUCK-KZ-0451"));
    }

    [Fact]
    public async Task No_second_departure_while_underway_and_no_arrival_without_departure()
    {
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Transport("E-ARRI", DcsaEventCodes.Arrived, "KZALA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Transport("E-DEPA-2", DcsaEventCodes.Departed, "CNSIA"));
    }

    [Fact]
    public async Task A_container_arrives_on_the_transport_it_departed_on()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));

        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Transport("E-ARRI", DcsaEventCodes.Arrived, "KZALA", "TRAIN-OTHER"));
    }

    [Fact]
    public async Task Stationary_events_happen_where_the_container_is_and_not_while_underway()
    {
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Equipment("E-GTIN", "GTIN", "KZALA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-GTIN", "GTIN", "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Equipment("E-INSP", "INSP", "CNSIA"));
    }

    [Fact]
    public async Task A_border_is_crossed_only_while_underway()
    {
        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier, Tx.Equipment("E-CROS", DcsaEventCodes.Crossed, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-CROS", DcsaEventCodes.Crossed, "KZALA"));
    }

    [Fact]
    public async Task Planned_and_estimated_events_are_revised_freely_and_move_nothing()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("P-DEPA-1", DcsaEventCodes.Departed, "KZALA", classifier: DcsaEventCodes.Planned));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("P-DEPA-2", DcsaEventCodes.Departed, "KZALA", classifier: DcsaEventCodes.Planned));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-DISC-EST", DcsaEventCodes.Discharged, "PKLHE", classifier: DcsaEventCodes.Estimated));

        Assert.Equal(new EquipmentPositionView(Tx.ContainerA, "CNSIA", false, "", false), await PositionAsync());
        Assert.Equal(ShipmentStatus.Booked, (await ShipmentAsync()).Status);
        Assert.Equal(3, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task Each_container_follows_its_own_order()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.CreateShipment(Cast, id: "SH-2", equipment: [Tx.ContainerA, Tx.ContainerB]));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Event("E-LOAD-A", DcsaEventCodes.Equipment, DcsaEventCodes.Loaded, "CNSIA", equipment: Tx.ContainerA, shipmentId: "SH-2"));

        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier,
            Tx.Event("E-DISC-B", DcsaEventCodes.Equipment, DcsaEventCodes.Discharged, "CNSIA", equipment: Tx.ContainerB, shipmentId: "SH-2"));
        await Ledger.ExecutesAsync(Cast.Carrier,
            Tx.Event("E-DEPA-B", DcsaEventCodes.Transport, DcsaEventCodes.Departed, "CNSIA", equipment: Tx.ContainerB, transport: "TRUCK-1", shipmentId: "SH-2"));

        var positions = (await Ledger.ShipmentAsync("SH-2")).Positions;
        Assert.Equal(new EquipmentPositionView(Tx.ContainerA, "CNSIA", false, "", true), positions[0]);
        Assert.Equal(new EquipmentPositionView(Tx.ContainerB, "CNSIA", true, "TRUCK-1", false), positions[1]);
    }

    [Fact]
    public async Task A_transport_event_naming_no_container_moves_them_all_and_must_fit_them_all()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.CreateShipment(Cast, id: "SH-2", equipment: [Tx.ContainerA, Tx.ContainerB]));
        await Ledger.ExecutesAsync(Cast.Carrier,
            Tx.Event("E-DEPA-B", DcsaEventCodes.Transport, DcsaEventCodes.Departed, "CNSIA", equipment: Tx.ContainerB, transport: "TRUCK-1", shipmentId: "SH-2"));

        await Ledger.RefusesAsync(ReasonCodes.PhysicalOrder, Cast.Carrier,
            Tx.Event("E-DEPA-ALL", DcsaEventCodes.Transport, DcsaEventCodes.Departed, "CNSIA", transport: "TRAIN-1", shipmentId: "SH-2"));
    }
}
