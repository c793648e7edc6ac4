using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Contracts;

public sealed class ContractDisputeTests : ContractTests
{
    [Fact]
    public async Task Any_party_raises_a_dispute_and_any_party_resolves_it()
    {
        await ActivateAsync();

        await Ledger.ExecutesAsync(Cast.Importer, Tx.Dispute("C-1", "D-1"));
        var raisedAt = Ledger.Now;
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Resolve("C-1", "D-1"));

        var dispute = Assert.Single((await ContractAsync()).Disputes);
        Assert.Equal(new ContractDisputeView("D-1", Cast.Importer.Address, Tx.HashOf("claim D-1"), raisedAt, Cast.Exporter.Address,
            Tx.HashOf("settlement D-1"), Ledger.Now), dispute);
        Assert.False(dispute.IsOpen);
    }

    [Fact]
    public async Task A_dispute_id_is_used_once_and_resolved_once()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Dispute("C-1", "D-1"));

        await Ledger.RefusesAsync(ReasonCodes.DisputeExists, Cast.Exporter, Tx.Dispute("C-1", "D-1"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownDispute, Cast.Exporter, Tx.Resolve("C-1", "D-2"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Resolve("C-1", "D-1"));
        await Ledger.RefusesAsync(ReasonCodes.DisputeResolved, Cast.Exporter, Tx.Resolve("C-1", "D-1"));
    }

    [Fact]
    public async Task Disputes_are_raised_on_signed_contracts_including_completed_ones_but_not_on_terminated_ones()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, [Tx.Milestone("M", Cast.Exporter.Address)]));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotActive, Cast.Importer, Tx.Dispute("C-1", "D-1"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-1"));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Dispute("C-1", "D-QUALITY"));

        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-2", Parties, Milestones));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Terminate("C-2"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Terminate("C-2"));
        await Ledger.RefusesAsync(ReasonCodes.ContractClosed, Cast.Importer, Tx.Dispute("C-2", "D-1"));
    }

    [Fact]
    public async Task An_open_dispute_blocks_nothing()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Dispute("C-1", "D-1"));

        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Attest("C-1", "M-PAY"));

        Assert.Equal(ContractStatus.Completed, (await ContractAsync()).Status);
        Assert.True((await ContractAsync()).Disputes[0].IsOpen);
    }
}
