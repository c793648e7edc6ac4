using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// Base of tests that start from a ledger with the cast registered and shipment SH-1 booked by the exporter:
/// Xi'an (CNSIA) to Lahore (PKLHE) through Almaty (KZALA), container CSQU3054383, carrier China Railway.
/// </summary>
public abstract class BookedShipmentTests : IAsyncLifetime
{
    protected TestLedger Ledger { get; private set; } = null!;

    protected TradeCast Cast { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ledger = await TestLedger.StartAsync();
        Cast = await TradeCast.RegisterAsync(Ledger);
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.CreateShipment(Cast));
    }

    public async Task DisposeAsync() => await Ledger.DisposeAsync();

    protected Task<ShipmentView> ShipmentAsync() => Ledger.ShipmentAsync("SH-1");

    protected async Task<EquipmentPositionView> PositionAsync(string equipment = Tx.ContainerA) =>
        (await ShipmentAsync()).Positions.Single(p => p.EquipmentReference == equipment);

    protected async Task<IReadOnlyList<ShipmentEventView>> EventsAsync() =>
        await Ledger.Grains.GetGrain<IShipmentGrain>("SH-1").GetEventsAsync() ?? throw new InvalidOperationException("SH-1 does not exist");

    /// <summary>The carrier loads the container at Xi'an, departs, and arrives at Almaty.</summary>
    protected async Task MoveToAlmatyAsync()
    {
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Equipment("E-LOAD-SIA", DcsaEventCodes.Loaded, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-DEPA-SIA", DcsaEventCodes.Departed, "CNSIA"));
        await Ledger.ExecutesAsync(Cast.Carrier, Tx.Transport("E-ARRI-ALA", DcsaEventCodes.Arrived, "KZALA"));
    }
}
