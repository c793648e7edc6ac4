using System.Numerics;
using BriOrleans.Execution;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// The bounds of a project's financing, per commitment: disbursements recorded (acknowledged or not) never exceed
/// the amount committed, and repayments recorded never exceed the disbursements the sponsor acknowledged. So at
/// all times repaid ≤ acknowledged disbursed ≤ disbursed ≤ committed. Disbursements and repayments carry no
/// currency of their own: they are in their commitment's currency, so a currency mismatch cannot be expressed.
/// </summary>
public static class ProjectFinancingRules
{
    public static TransactionOutcome? RefuseDisbursement(ProjectState project, CommitmentRecord commitment, BigInteger amount)
    {
        var disbursed = Sum(project.Disbursements, commitment.CommitmentId, acknowledgedOnly: false);
        return disbursed + amount <= commitment.Amount
            ? null
            : TransactionOutcome.Failed(ReasonCodes.ExceedsCommitment,
                $"commitment {commitment.CommitmentId} is {commitment.Amount} {commitment.Currency}; {disbursed} is disbursed, so {amount} more would exceed it");
    }

    public static TransactionOutcome? RefuseRepayment(ProjectState project, CommitmentRecord commitment, BigInteger amount)
    {
        var disbursed = Sum(project.Disbursements, commitment.CommitmentId, acknowledgedOnly: true);
        var repaid = Sum(project.Repayments, commitment.CommitmentId, acknowledgedOnly: false);
        return repaid + amount <= disbursed
            ? null
            : TransactionOutcome.Failed(ReasonCodes.ExceedsDisbursed,
                $"under commitment {commitment.CommitmentId} the sponsor acknowledged {disbursed} {commitment.Currency} disbursed and {repaid} is repaid, so {amount} more would exceed it");
    }

    public static BigInteger Sum(IEnumerable<FinancingFlowRecord> flows, string commitmentId, bool acknowledgedOnly) =>
        flows.Where(f => f.CommitmentId == commitmentId && (!acknowledgedOnly || f.AcknowledgedAt is not null))
            .Aggregate(BigInteger.Zero, (total, f) => total + f.Amount);
}
