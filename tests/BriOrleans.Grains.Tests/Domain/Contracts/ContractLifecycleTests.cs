using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Contracts;

public sealed class ContractLifecycleTests : ContractTests
{
    [Fact]
    public async Task A_proposal_counts_as_the_proposers_signature_and_awaits_the_others()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones, ["SH-1"]));

        var contract = await ContractAsync();
        Assert.Equal(ContractStatus.Proposed, contract.Status);
        Assert.Equal(Parties, contract.Parties);
        Assert.Equal(["SH-1"], contract.ShipmentIds);
        Assert.Equal([new PartyConsentView(Cast.Exporter.Address, Tx.HashOf("terms v1"), Ledger.Now)], contract.Signatures);
        Assert.Equal(["M-SHIP", "M-PAY"], contract.Milestones.Select(m => m.MilestoneId));
        Assert.All(contract.Milestones, m => Assert.False(m.IsAttested));
    }

    [Fact]
    public async Task The_contract_is_active_once_every_party_signed_the_same_terms()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", [.. Parties, Cast.Forwarder.Address], Milestones));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-1"));
        Assert.Equal(ContractStatus.Proposed, (await ContractAsync()).Status);

        await Ledger.RefusesAsync(ReasonCodes.TermsMismatch, Cast.Forwarder, Tx.Sign("C-1", "terms v0"));
        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.Sign("C-1"));

        var contract = await ContractAsync();
        Assert.Equal(ContractStatus.Active, contract.Status);
        Assert.Equal(Ledger.Now, contract.ActivatedAt);
    }

    [Fact]
    public async Task Signing_twice_signing_an_active_contract_and_signing_as_an_outsider_are_refused()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones));
        await Ledger.RefusesAsync(ReasonCodes.AlreadySigned, Cast.Exporter, Tx.Sign("C-1"));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotParty, Cast.Carrier, Tx.Sign("C-1"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-1"));

        await Ledger.RefusesAsync(ReasonCodes.ContractNotProposed, Cast.Importer, Tx.Sign("C-1"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownContract, Cast.Importer, Tx.Sign("C-NONE"));
    }

    [Fact]
    public async Task The_proposer_is_one_of_at_least_two_distinct_parties()
    {
        await Ledger.RefusesAsync(ReasonCodes.ContractNotParty, Cast.Carrier, Tx.Propose("C-1", Parties, Milestones));
        await Ledger.RefusesAsync(ReasonCodes.InvalidParties, Cast.Exporter, Tx.Propose("C-1", [Cast.Exporter.Address], [Tx.Milestone("M", Cast.Exporter.Address)]));
        await Ledger.RefusesAsync(ReasonCodes.InvalidParties, Cast.Exporter, Tx.Propose("C-1", [Cast.Exporter.Address, Cast.Exporter.Address], Milestones));
    }

    [Fact]
    public async Task Every_party_is_a_registered_active_organization()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownOrganization, Cast.Exporter, Tx.Propose("C-1", [Cast.Exporter.Address, Cast.Stranger.Address], [Tx.Milestone("M", Cast.Exporter.Address)]));
        await Ledger.ExecutesAsync(TestLedger.Registrar("PK"), (from, nonce) => new SuspendOrganization(from, nonce, Cast.Importer.Address, "sanctions review"));
        await Ledger.RefusesAsync(ReasonCodes.PartySuspended, Cast.Exporter, Tx.Propose("C-1", Parties, Milestones));
    }

    [Fact]
    public async Task Referenced_shipments_exist()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownShipment, Cast.Exporter, Tx.Propose("C-1", Parties, Milestones, ["SH-1", "SH-NONE"]));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Exporter, Tx.Propose("C-1", Parties, Milestones, ["SH-1", "SH-1"]));
    }

    [Fact]
    public async Task Milestones_exist_have_unique_ids_and_are_attested_by_parties()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidMilestones, Cast.Exporter, Tx.Propose("C-1", Parties, []));
        await Ledger.RefusesAsync(ReasonCodes.InvalidMilestones, Cast.Exporter, Tx.Propose("C-1", Parties, [Tx.Milestone("M", Cast.Carrier.Address)]));
        await Ledger.RefusesAsync(ReasonCodes.InvalidMilestones, Cast.Exporter, Tx.Propose("C-1", Parties, [Tx.Milestone("M", Cast.Exporter.Address), Tx.Milestone("M", Cast.Importer.Address)]));
        await Ledger.RefusesAsync(ReasonCodes.InvalidId, Cast.Exporter, Tx.Propose("C-1", Parties, [Tx.Milestone("M 1", Cast.Exporter.Address)]));
    }

    [Fact]
    public async Task Terms_governing_law_and_currency_are_required()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Exporter,
            (from, nonce) => new ProposeContract(from, nonce, "C-1", Parties, Crypto.Hash256.Zero, "English law", 1, "USD", Milestones, []));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Exporter,
            (from, nonce) => new ProposeContract(from, nonce, "C-1", Parties, Tx.HashOf("terms"), "", 1, "USD", Milestones, []));
        await Ledger.RefusesAsync(ReasonCodes.InvalidCurrency, Cast.Exporter,
            (from, nonce) => new ProposeContract(from, nonce, "C-1", Parties, Tx.HashOf("terms"), "English law", 1, "Dollar", Milestones, []));
    }

    [Fact]
    public async Task A_contract_id_is_taken_once()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones));

        await Ledger.RefusesAsync(ReasonCodes.ContractExists, Cast.Importer, Tx.Propose("C-1", Parties, Milestones));
    }

    [Fact]
    public async Task Milestones_are_attested_by_their_attestor_once_active_and_all_of_them_complete_the_contract()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotActive, Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-1"));

        await Ledger.RefusesAsync(ReasonCodes.NotAttestor, Cast.Importer, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownMilestone, Cast.Exporter, Tx.Attest("C-1", "M-NONE"));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.RefusesAsync(ReasonCodes.MilestoneAttested, Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        Assert.Equal(ContractStatus.Active, (await ContractAsync()).Status);
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Attest("C-1", "M-PAY"));

        var contract = await ContractAsync();
        Assert.Equal(ContractStatus.Completed, contract.Status);
        Assert.Equal(Ledger.Now, contract.ClosedAt);
        Assert.Equal(Tx.HashOf("evidence M-PAY"), contract.Milestones[1].EvidenceHash);
    }

    [Fact]
    public async Task An_attestation_names_its_evidence()
    {
        await ActivateAsync();

        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Exporter,
            (from, nonce) => new AttestContractMilestone(from, nonce, "C-1", "M-SHIP", Crypto.Hash256.Zero));
    }

    [Fact]
    public async Task The_contract_is_terminated_once_every_party_agreed()
    {
        await ActivateAsync();
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Terminate("C-1"));
        Assert.Equal(ContractStatus.Active, (await ContractAsync()).Status);
        await Ledger.RefusesAsync(ReasonCodes.AlreadyAgreed, Cast.Importer, Tx.Terminate("C-1"));

        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Terminate("C-1"));

        var contract = await ContractAsync();
        Assert.Equal(ContractStatus.Terminated, contract.Status);
        Assert.Equal([Cast.Importer.Address, Cast.Exporter.Address], contract.TerminationAgreements.Select(a => a.Party));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotActive, Cast.Exporter, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.RefusesAsync(ReasonCodes.ContractClosed, Cast.Exporter, Tx.Terminate("C-1"));
    }

    [Fact]
    public async Task A_proposal_can_be_withdrawn_by_everyone_agreeing_to_terminate_but_a_completed_contract_cannot_be_terminated()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Terminate("C-1"));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Terminate("C-1"));
        Assert.Equal(ContractStatus.Terminated, (await ContractAsync()).Status);

        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-2", Parties, [Tx.Milestone("M", Cast.Exporter.Address)]));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-2"));
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Attest("C-2", "M"));
        await Ledger.RefusesAsync(ReasonCodes.ContractClosed, Cast.Importer, Tx.Terminate("C-2"));
    }

    [Fact]
    public async Task Outsiders_act_on_no_contract()
    {
        await ActivateAsync();

        await Ledger.RefusesAsync(ReasonCodes.ContractNotParty, Cast.Carrier, Tx.Terminate("C-1"));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotParty, Cast.Carrier, Tx.Attest("C-1", "M-SHIP"));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotParty, Cast.Carrier, Tx.Dispute("C-1", "D-1"));
        await Ledger.RefusesAsync(ReasonCodes.ContractNotParty, Cast.Carrier, Tx.Amend("C-1", "A-1", Milestones));
    }

    [Fact]
    public async Task A_never_proposed_contract_reads_as_null()
    {
        Assert.Null(await Ledger.Grains.GetGrain<IContractGrain>("C-NONE").GetAsync());
    }
}
