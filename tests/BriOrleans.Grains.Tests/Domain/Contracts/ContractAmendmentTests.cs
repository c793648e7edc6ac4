using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Contracts;

public sealed class ContractAmendmentTests : ContractTests
{
    [Fact]
    public async Task An_amendment_applies_once_every_party_signed_it()
    {
        await ActivateAsync();
        var amended = new[] { Tx.Milestone("M-SHIP", Cast.Exporter.Address), Tx.Milestone("M-PAY", Cast.Importer.Address), Tx.Milestone("M-INSTALL", Cast.Exporter.Address) };

        await Ledger.ExecutesAsync(Cast.Importer, Tx.Amend("C-1", "A-1", amended, value: 9_900_000_00));
        var pending = await ContractAsync();
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.SignAmendment("C-1", "A-1"));

        var contract = await ContractAsync();
        Assert.Equal(Tx.HashOf("terms v1"), pending.TermsHash);
        Assert.Equal(AmendmentStatus.Pending, pending.Amendments[0].Status);
        Assert.Equal(Tx.HashOf("terms v2"), contract.TermsHash);
        Assert.Equal(9_900_000_00, contract.Value);
        Assert.Equal(["M-SHIP", "M-PAY", "M-INSTALL"], contract.Milestones.Select(m => m.MilestoneId));
        Assert.Equal(AmendmentStatus.Applied, contract.Amendments[0].Status);
        Assert.Equal([Cast.Importer.Address, Cast.Exporter.Address], contract.Amendments[0].Signatures.Select(s => s.Party));
    }

    [Fact]
    public async Task An_applied_amendment_keeps_attestations_of_the_milestones_it_keeps()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        var attestedAt = Ledger.Now;

        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Amend("C-1", "A-1", [Tx.Milestone("M-SHIP", Cast.Exporter.Address, due: 1), Tx.Milestone("M-PAY-2", Cast.Importer.Address)]));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.SignAmendment("C-1", "A-1"));

        var milestones = (await ContractAsync()).Milestones;
        Assert.Equal(attestedAt, milestones[0].AttestedAt);
        Assert.Equal(1UL, milestones[0].DueDate);
        Assert.False(milestones[1].IsAttested);
    }

    [Fact]
    public async Task An_amendment_may_not_drop_or_change_an_attested_milestone()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));

        await Ledger.RefusesAsync(ReasonCodes.AttestedMilestoneChanged, Cast.Exporter, Tx.Amend("C-1", "A-1", [Tx.Milestone("M-PAY", Cast.Importer.Address)]));
        await Ledger.RefusesAsync(ReasonCodes.AttestedMilestoneChanged, Cast.Exporter,
            Tx.Amend("C-1", "A-1", [Tx.Milestone("M-SHIP", Cast.Importer.Address), Tx.Milestone("M-PAY", Cast.Importer.Address)]));
    }

    [Fact]
    public async Task A_pending_amendment_lapses_when_a_milestone_it_drops_is_attested_meanwhile()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Amend("C-1", "A-1", [Tx.Milestone("M-PAY", Cast.Importer.Address)]));

        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));

        Assert.Equal(AmendmentStatus.Lapsed, (await ContractAsync()).Amendments[0].Status);
        await Ledger.RefusesAsync(ReasonCodes.AmendmentNotPending, Cast.Exporter, Tx.SignAmendment("C-1", "A-1"));
    }

    [Fact]
    public async Task A_pending_amendment_lapses_when_the_contract_completes()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Amend("C-1", "A-1", Milestones));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Attest("C-1", "M-PAY"));

        var contract = await ContractAsync();
        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Equal(AmendmentStatus.Lapsed, contract.Amendments[0].Status);
    }

    [Fact]
    public async Task One_amendment_is_pending_at_a_time_and_an_id_is_used_once()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Amend("C-1", "A-1", Milestones));

        await Ledger.RefusesAsync(ReasonCodes.AmendmentPending, Cast.Exporter, Tx.Amend("C-1", "A-2", Milestones, "terms v3"));
        await Ledger.RefusesAsync(ReasonCodes.AmendmentExists, Cast.Exporter, Tx.Amend("C-1", "A-1", Milestones, "terms v3"));
        await Ledger.RefusesAsync(ReasonCodes.AlreadySigned, Cast.Importer, Tx.SignAmendment("C-1", "A-1"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownAmendment, Cast.Exporter, Tx.SignAmendment("C-1", "A-9"));
    }

    [Fact]
    public async Task Amendments_are_for_active_contracts_and_follow_the_rules_of_terms()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotActive, Cast.Exporter, Tx.Amend("C-1", "A-1", Milestones));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-1"));

        await Ledger.RefusesAsync(ReasonCodes.InvalidMilestones, Cast.Exporter, Tx.Amend("C-1", "A-1", []));
        await Ledger.RefusesAsync(ReasonCodes.InvalidMilestones, Cast.Exporter, Tx.Amend("C-1", "A-1", [Tx.Milestone("M", Cast.Forwarder.Address)]));
        await Ledger.RefusesAsync(ReasonCodes.InvalidId, Cast.Exporter, Tx.Amend("C-1", "A 1", Milestones));
    }
}
