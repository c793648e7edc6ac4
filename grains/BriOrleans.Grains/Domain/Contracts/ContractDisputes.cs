using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// Disputes: any party raises one on an active or completed contract (a claim may follow delivery), and any party
/// records the resolution of an open one, whatever the contract's status. Disputes block nothing: they are the
/// record of a disagreement and its settlement.
/// </summary>
public static class ContractDisputes
{
    public static TransactionOutcome? RefuseRaise(ContractState contract, RaiseDispute dispute)
    {
        if (contract.Status == ContractStatus.Proposed)
            return TransactionOutcome.Failed(ReasonCodes.ContractNotActive, $"contract {contract.ContractId} is not signed yet: there is nothing to dispute");
        if (contract.Status == ContractStatus.Terminated)
            return TransactionOutcome.Failed(ReasonCodes.ContractClosed, $"contract {contract.ContractId} is terminated");
        if (!FieldFormat.IsId(dispute.DisputeId))
            return TransactionOutcome.Failed(ReasonCodes.InvalidId, $"disputeId '{dispute.DisputeId}' is not a valid id");
        if (contract.Disputes.Exists(d => d.DisputeId == dispute.DisputeId))
            return TransactionOutcome.Failed(ReasonCodes.DisputeExists, $"contract {contract.ContractId} already has a dispute {dispute.DisputeId}");
        return dispute.ReasonHash.IsZero ? TransactionOutcome.Failed(ReasonCodes.InvalidField, "reasonHash: the hash of the claim is required") : null;
    }

    public static void Raise(ContractState contract, RaiseDispute dispute, ulong timestamp) =>
        contract.Disputes.Add(new DisputeRecord
        {
            DisputeId = dispute.DisputeId,
            RaisedBy = CanonicalText.Of(dispute.From),
            ReasonHash = CanonicalText.Of(dispute.ReasonHash),
            RaisedAt = timestamp,
        });

    public static TransactionOutcome? RefuseResolve(ContractState contract, ResolveDispute resolution)
    {
        if (contract.Disputes.Find(d => d.DisputeId == resolution.DisputeId) is not { } dispute)
            return TransactionOutcome.Failed(ReasonCodes.UnknownDispute, $"contract {contract.ContractId} has no dispute {resolution.DisputeId}");
        if (dispute.ResolvedAt is not null)
            return TransactionOutcome.Failed(ReasonCodes.DisputeResolved, $"dispute {dispute.DisputeId} was resolved already");
        return resolution.ResolutionHash.IsZero ? TransactionOutcome.Failed(ReasonCodes.InvalidField, "resolutionHash: the hash of the resolution is required") : null;
    }

    public static void Resolve(ContractState contract, ResolveDispute resolution, ulong timestamp)
    {
        var dispute = contract.Disputes.Find(d => d.DisputeId == resolution.DisputeId)!;
        dispute.ResolvedBy = CanonicalText.Of(resolution.From);
        dispute.ResolutionHash = CanonicalText.Of(resolution.ResolutionHash);
        dispute.ResolvedAt = timestamp;
    }
}
