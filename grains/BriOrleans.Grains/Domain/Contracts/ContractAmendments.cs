using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// Amendments of an active contract: one pending at a time; the proposal counts as the proposer's signature; once
/// every party signed, the amendment's terms hash, value and milestones replace the contract's (attested milestones
/// keep their attestation). A pending amendment lapses when the contract completes or is terminated first, or when
/// a milestone it would drop or change is attested meanwhile.
/// </summary>
public static class ContractAmendments
{
    public static TransactionOutcome? RefuseProposal(ContractState contract, ProposeContractAmendment amendment)
    {
        if (!FieldFormat.IsId(amendment.AmendmentId))
            return TransactionOutcome.Failed(ReasonCodes.InvalidId, $"amendmentId '{amendment.AmendmentId}' is not a valid id");
        if (contract.Amendments.Exists(a => a.AmendmentId == amendment.AmendmentId))
            return TransactionOutcome.Failed(ReasonCodes.AmendmentExists, $"contract {contract.ContractId} already has an amendment {amendment.AmendmentId}");
        if (contract.Amendments.Find(a => a.Status == AmendmentStatus.Pending) is { } pending)
            return TransactionOutcome.Failed(ReasonCodes.AmendmentPending, $"amendment {pending.AmendmentId} still awaits signatures");
        return ContractTermsRules.RefuseTerms(amendment.TermsHash, amendment.Value, amendment.Milestones, contract.Parties)
            ?? ContractTermsRules.RefuseAttestedChange(contract.Milestones, [.. amendment.Milestones.Select(ContractTermsRules.ToRecord)]);
    }

    public static void Propose(ContractState contract, ProposeContractAmendment amendment, ConsentRecord proposerSignature, ulong timestamp) =>
        contract.Amendments.Add(new AmendmentRecord
        {
            AmendmentId = amendment.AmendmentId,
            ProposedBy = proposerSignature.Party,
            TermsHash = CanonicalText.Of(amendment.TermsHash),
            Value = amendment.Value,
            Milestones = [.. amendment.Milestones.Select(ContractTermsRules.ToRecord)],
            Signatures = [proposerSignature],
            Status = AmendmentStatus.Pending,
            ProposedAt = timestamp,
        });

    public static TransactionOutcome? RefuseSignature(ContractState contract, SignContractAmendment signature)
    {
        if (contract.Amendments.Find(a => a.AmendmentId == signature.AmendmentId) is not { } amendment)
            return TransactionOutcome.Failed(ReasonCodes.UnknownAmendment, $"contract {contract.ContractId} has no amendment {signature.AmendmentId}");
        if (amendment.Status != AmendmentStatus.Pending)
            return TransactionOutcome.Failed(ReasonCodes.AmendmentNotPending, $"amendment {amendment.AmendmentId} is {amendment.Status}, not awaiting signatures");
        return amendment.Signatures.Exists(s => s.Party == CanonicalText.Of(signature.From))
            ? TransactionOutcome.Failed(ReasonCodes.AlreadySigned, $"{signature.From} already signed amendment {amendment.AmendmentId}")
            : null;
    }

    /// <summary>Adds a signature and applies the amendment once every party signed it.</summary>
    public static void Sign(ContractState contract, AmendmentRecord amendment, ConsentRecord signature, ulong timestamp)
    {
        amendment.Signatures.Add(signature);
        if (!contract.Parties.All(p => amendment.Signatures.Exists(s => s.Party == p)))
            return;
        contract.TermsHash = amendment.TermsHash;
        contract.Value = amendment.Value;
        contract.Milestones = [.. amendment.Milestones.Select(m => InForce(m, contract.Milestones.Find(c => c.MilestoneId == m.MilestoneId)))];
        amendment.Status = AmendmentStatus.Applied;
        amendment.DecidedAt = timestamp;
        CompleteIfAllAttested(contract, timestamp);
    }

    /// <summary>Lapses a pending amendment that would drop or change a milestone attested since it was proposed.</summary>
    public static void LapseIfAttestedDropped(ContractState contract, ulong timestamp)
    {
        foreach (var pending in contract.Amendments.Where(a => a.Status == AmendmentStatus.Pending))
        {
            if (ContractTermsRules.RefuseAttestedChange(contract.Milestones, pending.Milestones) is not null)
                Lapse(pending, timestamp);
        }
    }

    public static void CompleteIfAllAttested(ContractState contract, ulong timestamp)
    {
        if (contract.Milestones.TrueForAll(m => m.AttestedAt is not null))
            Close(contract, ContractStatus.Completed, timestamp);
    }

    /// <summary>Completes or terminates the contract; a pending amendment lapses.</summary>
    public static void Close(ContractState contract, ContractStatus status, ulong timestamp)
    {
        contract.Status = status;
        contract.ClosedAt = timestamp;
        foreach (var pending in contract.Amendments.Where(a => a.Status == AmendmentStatus.Pending))
            Lapse(pending, timestamp);
    }

    private static void Lapse(AmendmentRecord amendment, ulong timestamp)
    {
        amendment.Status = AmendmentStatus.Lapsed;
        amendment.DecidedAt = timestamp;
    }

    /// <summary>An amended milestone as it comes into force: a copy, keeping the attestation of the milestone it replaces.</summary>
    private static MilestoneRecord InForce(MilestoneRecord amended, MilestoneRecord? current) => new()
    {
        MilestoneId = amended.MilestoneId,
        DescriptionHash = amended.DescriptionHash,
        DueDate = amended.DueDate,
        Attestor = amended.Attestor,
        EvidenceHash = current?.EvidenceHash,
        AttestedAt = current?.AttestedAt,
    };
}
