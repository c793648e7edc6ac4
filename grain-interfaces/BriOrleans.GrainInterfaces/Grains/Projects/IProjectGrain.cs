using BriOrleans.Execution;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces;

/// <summary>A financed project, keyed by its id: commitments, disbursements, repayments and milestones.</summary>
public interface IProjectGrain : IGrainWithStringKey
{
    /// <summary>The project with its public summary; null when no project has this id.</summary>
    Task<ProjectView?> GetAsync();

    Task<TransactionOutcome> RegisterAsync(RegisterProject transaction, TransactionContext context);

    Task<TransactionOutcome> RecordCommitmentAsync(RecordCommitment transaction, TransactionContext context);

    Task<TransactionOutcome> RecordDisbursementAsync(RecordDisbursement transaction, TransactionContext context);

    Task<TransactionOutcome> AcknowledgeDisbursementAsync(AcknowledgeDisbursement transaction, TransactionContext context);

    Task<TransactionOutcome> RecordRepaymentAsync(RecordRepayment transaction, TransactionContext context);

    Task<TransactionOutcome> AcknowledgeRepaymentAsync(AcknowledgeRepayment transaction, TransactionContext context);

    Task<TransactionOutcome> AttestMilestoneAsync(AttestProjectMilestone transaction, TransactionContext context);

    Task<TransactionOutcome> VerifyMilestoneAsync(VerifyProjectMilestone transaction, TransactionContext context);
}
