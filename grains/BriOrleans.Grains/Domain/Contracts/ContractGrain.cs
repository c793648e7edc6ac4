using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// A contract's lifecycle: proposed by one of its parties (the proposal counts as the proposer's signature of the
/// terms it names) → active once every party signed the same terms hash → completed once every milestone is
/// attested by its attestor; or terminated once every party agreed (while proposed or active). Amendments
/// (<see cref="ContractAmendments"/>) and disputes (<see cref="ContractDisputes"/>) are recorded here too.
/// </summary>
[GrainType("contract")]
public sealed class ContractGrain([PersistentState(LedgerState.Name, LedgerState.Storage)] IPersistentState<ContractState> state) : Grain, IContractGrain
{
    private ContractState Contract => state.State;

    public Task<ContractView?> GetAsync() => Task.FromResult(state.RecordExists ? ContractViews.Of(Contract) : null);

    public async Task<TransactionOutcome> ProposeAsync(ProposeContract transaction, TransactionContext context)
    {
        RequireKey(transaction.ContractId);
        if (state.RecordExists)
            return TransactionOutcome.Failed(ReasonCodes.ContractExists, $"contract {transaction.ContractId} already exists");
        var parties = transaction.Parties.Select(CanonicalText.Of).ToList();
        var refusal = RefuseProposal(transaction, parties);
        if (refusal is not null)
            return refusal;
        foreach (var party in transaction.Parties)
        {
            var organization = await GrainFactory.FindOrganizationAsync(party);
            refusal = party == transaction.From ? Organizations.RefuseSender(organization, party) : Organizations.RefuseParty(organization, party, "party");
            if (refusal is not null)
                return refusal;
        }
        foreach (var shipmentId in transaction.ShipmentIds)
        {
            if (await GrainFactory.GetGrain<IShipmentGrain>(shipmentId).GetAsync() is null)
                return TransactionOutcome.Failed(ReasonCodes.UnknownShipment, $"the contract references shipment {shipmentId}, which does not exist");
        }

        state.State = new ContractState
        {
            ContractId = transaction.ContractId,
            Parties = parties,
            TermsHash = CanonicalText.Of(transaction.TermsHash),
            GoverningLaw = transaction.GoverningLaw,
            Value = transaction.Value,
            Currency = transaction.Currency,
            Milestones = [.. transaction.Milestones.Select(ContractTermsRules.ToRecord)],
            ShipmentIds = [.. transaction.ShipmentIds],
            Status = ContractStatus.Proposed,
            Signatures = [Consent(transaction.From, transaction.TermsHash, context)],
            ProposedBy = CanonicalText.Of(transaction.From),
            ProposedAt = context.Timestamp,
        };
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> SignAsync(SignContract transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From);
        if (refusal is not null)
            return refusal;
        if (Contract.Status != ContractStatus.Proposed)
            return TransactionOutcome.Failed(ReasonCodes.ContractNotProposed, $"contract {Contract.ContractId} is {Contract.Status}, not awaiting signatures");
        if (CanonicalText.Of(transaction.TermsHash) != Contract.TermsHash)
            return TransactionOutcome.Failed(ReasonCodes.TermsMismatch,
                $"the signature names terms {transaction.TermsHash}; contract {Contract.ContractId} has terms {Contract.TermsHash}");
        if (Contract.Signatures.Exists(s => s.Party == CanonicalText.Of(transaction.From)))
            return TransactionOutcome.Failed(ReasonCodes.AlreadySigned, $"{transaction.From} already signed contract {Contract.ContractId}");

        Contract.Signatures.Add(Consent(transaction.From, transaction.TermsHash, context));
        if (Contract.Parties.All(p => Contract.Signatures.Exists(s => s.Party == p)))
        {
            Contract.Status = ContractStatus.Active;
            Contract.ActivatedAt = context.Timestamp;
        }
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> AttestMilestoneAsync(AttestContractMilestone transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From) ?? RefuseUnlessActive();
        if (refusal is not null)
            return refusal;
        if (Contract.Milestones.Find(m => m.MilestoneId == transaction.MilestoneId) is not { } milestone)
            return TransactionOutcome.Failed(ReasonCodes.UnknownMilestone, $"contract {Contract.ContractId} has no milestone {transaction.MilestoneId}");
        if (milestone.Attestor != CanonicalText.Of(transaction.From))
            return TransactionOutcome.Failed(ReasonCodes.NotAttestor, $"milestone {milestone.MilestoneId} is attested by {milestone.Attestor}");
        if (milestone.AttestedAt is not null)
            return TransactionOutcome.Failed(ReasonCodes.MilestoneAttested, $"milestone {milestone.MilestoneId} was attested already");
        if (transaction.EvidenceHash.IsZero)
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, "evidenceHash: the hash of the evidence is required");

        milestone.EvidenceHash = CanonicalText.Of(transaction.EvidenceHash);
        milestone.AttestedAt = context.Timestamp;
        ContractAmendments.LapseIfAttestedDropped(Contract, context.Timestamp);
        ContractAmendments.CompleteIfAllAttested(Contract, context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> ProposeAmendmentAsync(ProposeContractAmendment transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From) ?? RefuseUnlessActive()
            ?? ContractAmendments.RefuseProposal(Contract, transaction);
        if (refusal is not null)
            return refusal;
        ContractAmendments.Propose(Contract, transaction, Consent(transaction.From, transaction.TermsHash, context), context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> SignAmendmentAsync(SignContractAmendment transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From) ?? ContractAmendments.RefuseSignature(Contract, transaction);
        if (refusal is not null)
            return refusal;
        var amendment = Contract.Amendments.Find(a => a.AmendmentId == transaction.AmendmentId)!;
        ContractAmendments.Sign(Contract, amendment, Consent(transaction.From, CanonicalText.Hash(amendment.TermsHash), context), context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> TerminateAsync(TerminateContract transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From);
        if (refusal is not null)
            return refusal;
        if (Contract.Status is ContractStatus.Completed or ContractStatus.Terminated)
            return TransactionOutcome.Failed(ReasonCodes.ContractClosed, $"contract {Contract.ContractId} is {Contract.Status} already");
        if (transaction.ReasonHash.IsZero)
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, "reasonHash: the hash of the reason is required");
        if (Contract.TerminationAgreements.Exists(a => a.Party == CanonicalText.Of(transaction.From)))
            return TransactionOutcome.Failed(ReasonCodes.AlreadyAgreed, $"{transaction.From} already agreed to terminate contract {Contract.ContractId}");

        Contract.TerminationAgreements.Add(Consent(transaction.From, transaction.ReasonHash, context));
        if (Contract.Parties.All(p => Contract.TerminationAgreements.Exists(a => a.Party == p)))
            ContractAmendments.Close(Contract, ContractStatus.Terminated, context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> RaiseDisputeAsync(RaiseDispute transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From) ?? ContractDisputes.RefuseRaise(Contract, transaction);
        if (refusal is not null)
            return refusal;
        ContractDisputes.Raise(Contract, transaction, context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> ResolveDisputeAsync(ResolveDispute transaction, TransactionContext context)
    {
        var refusal = RefuseAction(transaction.ContractId, transaction.From) ?? ContractDisputes.RefuseResolve(Contract, transaction);
        if (refusal is not null)
            return refusal;
        ContractDisputes.Resolve(Contract, transaction, context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    private static TransactionOutcome? RefuseProposal(ProposeContract transaction, List<string> parties)
    {
        if (parties.Count < 2)
            return TransactionOutcome.Failed(ReasonCodes.InvalidParties, "a contract has at least two parties");
        if (parties.GroupBy(p => p, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            return TransactionOutcome.Failed(ReasonCodes.InvalidParties, $"party {repeated.Key} is listed twice");
        if (!parties.Contains(CanonicalText.Of(transaction.From)))
            return TransactionOutcome.Failed(ReasonCodes.ContractNotParty, $"{transaction.From} proposes a contract it is not a party of");
        if (!FieldFormat.IsText(transaction.GoverningLaw, FieldFormat.MaxNameLength))
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, $"governingLaw: 1-{FieldFormat.MaxNameLength} characters");
        if (!FieldFormat.IsCurrencyCode(transaction.Currency))
            return TransactionOutcome.Failed(ReasonCodes.InvalidCurrency, $"currency '{transaction.Currency}' is not an ISO 4217 code in capitals");
        if (transaction.ShipmentIds.FirstOrDefault(id => !FieldFormat.IsId(id)) is { } badId)
            return TransactionOutcome.Failed(ReasonCodes.InvalidId, $"shipmentIds: '{badId}' is not a valid id");
        if (transaction.ShipmentIds.Distinct(StringComparer.Ordinal).Count() != transaction.ShipmentIds.Count)
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, "shipmentIds: a shipment is listed twice");
        return ContractTermsRules.RefuseTerms(transaction.TermsHash, transaction.Value, transaction.Milestones, parties);
    }

    /// <summary>What every action on an existing contract needs: the contract, and a sender that is one of its parties.</summary>
    private TransactionOutcome? RefuseAction(string contractId, Address from)
    {
        RequireKey(contractId);
        if (!state.RecordExists)
            return TransactionOutcome.Failed(ReasonCodes.UnknownContract, $"no contract has the id {contractId}");
        return Contract.Parties.Contains(CanonicalText.Of(from))
            ? null
            : TransactionOutcome.Failed(ReasonCodes.ContractNotParty, $"{from} is not a party of contract {contractId}");
    }

    private TransactionOutcome? RefuseUnlessActive() => Contract.Status == ContractStatus.Active
        ? null
        : TransactionOutcome.Failed(ReasonCodes.ContractNotActive, $"contract {Contract.ContractId} is {Contract.Status}, not active");

    private static ConsentRecord Consent(Address party, Hash256 hash, TransactionContext context) =>
        new() { Party = CanonicalText.Of(party), Hash = CanonicalText.Of(hash), At = context.Timestamp };

    private void RequireKey(string contractId)
    {
        if (contractId != this.GetPrimaryKeyString())
            throw new ArgumentException($"a transaction about contract {contractId} was sent to contract grain {this.GetPrimaryKeyString()}");
    }
}
