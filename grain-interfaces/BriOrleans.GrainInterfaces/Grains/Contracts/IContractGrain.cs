using BriOrleans.Execution;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces;

/// <summary>A cross-border contract between two or more organizations, keyed by its id.</summary>
public interface IContractGrain : IGrainWithStringKey
{
    /// <summary>The contract; null when no contract has this id.</summary>
    Task<ContractView?> GetAsync();

    Task<TransactionOutcome> ProposeAsync(ProposeContract transaction, TransactionContext context);

    Task<TransactionOutcome> SignAsync(SignContract transaction, TransactionContext context);

    Task<TransactionOutcome> AttestMilestoneAsync(AttestContractMilestone transaction, TransactionContext context);

    Task<TransactionOutcome> ProposeAmendmentAsync(ProposeContractAmendment transaction, TransactionContext context);

    Task<TransactionOutcome> SignAmendmentAsync(SignContractAmendment transaction, TransactionContext context);

    Task<TransactionOutcome> TerminateAsync(TerminateContract transaction, TransactionContext context);

    Task<TransactionOutcome> RaiseDisputeAsync(RaiseDispute transaction, TransactionContext context);

    Task<TransactionOutcome> ResolveDisputeAsync(ResolveDispute transaction, TransactionContext context);
}
