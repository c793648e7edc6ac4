using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Story;

/// <summary>The story played once; its tests only read.</summary>
public sealed class PlayedStory : IAsyncLifetime
{
    public TestLedger Ledger { get; private set; } = null!;

    public TradeCast Cast { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Ledger = await TestLedger.StartAsync();
        Cast = await TradeStory.PlayAsync(Ledger);
    }

    public async Task DisposeAsync() => await Ledger.DisposeAsync();
}

public sealed class CrossBorderStoryTests(PlayedStory story) : IClassFixture<PlayedStory>
{
    private readonly TestLedger _ledger = story.Ledger;
    private readonly TradeCast _cast = story.Cast;

    [Fact]
    public async Task The_shipment_reaches_Lahore_through_a_customs_hold_in_Kazakhstan_and_is_delivered()
    {
        var shipment = await _ledger.ShipmentAsync(TradeStory.ShipmentId);

        Assert.Equal(ShipmentStatus.Delivered, shipment.Status);
        Assert.Empty(shipment.Holds);
        Assert.Equal(_cast.Importer.Address, shipment.Custodian);
        Assert.Equal(
            [(_cast.Exporter.Address, _cast.Carrier.Address), (_cast.Carrier.Address, _cast.Forwarder.Address), (_cast.Forwarder.Address, _cast.Importer.Address)],
            shipment.CustodyTransfers.Select(t => (t.From, t.To)));
        Assert.All(shipment.Positions, p => Assert.Equal(new EquipmentPositionView(p.EquipmentReference, "PKLHE", false, "", false), p));
        Assert.Equal(["CEO", "INV", "TRD", "CUC", "CUC"], shipment.Documents.Select(d => d.DocumentTypeCode));
    }

    [Fact]
    public async Task The_event_log_keeps_every_event_in_record_order_with_its_recorder()
    {
        var events = await _ledger.Grains.GetGrain<IShipmentGrain>(TradeStory.ShipmentId).GetEventsAsync();

        Assert.NotNull(events);
        Assert.Equal(18, events.Count);
        Assert.DoesNotContain(events, e => e.EventId == "E-LOAD-ALA-HELD");
        var hold = events.Single(e => e.EventId == "C-HOLD-ALA");
        Assert.Equal(_cast.CustomsKz.Address, hold.RecordedBy);
        Assert.True(events.ToList().FindIndex(e => e.EventId == "C-RELS-ALA") < events.ToList().FindIndex(e => e.EventId == "E-DEPA-ALA"));
    }

    [Fact]
    public async Task The_sales_contract_referencing_the_shipment_is_completed()
    {
        var contract = await _ledger.ContractAsync(TradeStory.ContractId);

        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Equal([TradeStory.ShipmentId], contract.ShipmentIds);
        Assert.All(contract.Milestones, m => Assert.True(m.IsAttested));
        Assert.False(Assert.Single(contract.Disputes).IsOpen);
    }

    [Fact]
    public async Task The_project_summary_shows_what_each_lender_committed_disbursed_and_was_repaid()
    {
        var project = await _ledger.ProjectAsync(TradeStory.ProjectId);

        Assert.Equal(
            new[]
            {
                new LenderSummaryView(_cast.LenderCn.Address, "USD", 1_200_000_000_00, 400_000_000_00, 25_000_000_00, 0, 0),
                new LenderSummaryView(_cast.LenderKz.Address, "CNY", 5_000_000_000_00, 0, 0, 1_000_000_000_00, 0),
            }.OrderBy(s => Grains.Domain.CanonicalText.Of(s.Lender), StringComparer.Ordinal),
            project.Summary);
        Assert.Equal(_cast.Auditor.Address, Assert.Single(project.Milestones).VerifiedBy);
    }

    [Fact]
    public async Task The_forwarder_is_still_active_and_used_one_nonce_per_transaction_it_sent()
    {
        var forwarder = await _ledger.OrganizationAsync(_cast.Forwarder.Address);

        Assert.Equal(OrganizationStatus.Active, forwarder?.Status);
        Assert.Equal((ulong)_ledger.History.Count(h => h.Transaction.Transaction.From == _cast.Forwarder.Address), forwarder?.NextNonce);
    }
}
