using System.Numerics;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// A financed project: sponsor, host country, budget, every commitment, disbursement, repayment and milestone in
/// the order recorded, and <see cref="Summary"/>, the public debt-transparency figures per lender and currency.
/// Amounts are minor units of their currency; times (<c>…At</c>) Unix ms, value dates Unix seconds.
/// </summary>
public sealed record ProjectView(
    string ProjectId,
    Address Sponsor,
    string HostCountry,
    string Sector,
    Hash256 DescriptionHash,
    BigInteger TotalBudget,
    string Currency,
    ulong RegisteredAt,
    IReadOnlyList<CommitmentView> Commitments,
    IReadOnlyList<FinancingFlowView> Disbursements,
    IReadOnlyList<FinancingFlowView> Repayments,
    IReadOnlyList<ProjectMilestoneView> Milestones,
    IReadOnlyList<LenderSummaryView> Summary);

/// <summary>A lender's commitment to the project.</summary>
public sealed record CommitmentView(
    string CommitmentId, Address Lender, BigInteger Amount, string Currency, Hash256 TermsHash, ulong RecordedAt);

/// <summary>A disbursement or repayment under a commitment, in the commitment's currency, and whether the sponsor acknowledged it.</summary>
public sealed record FinancingFlowView(
    string FlowId, string CommitmentId, Address Lender, BigInteger Amount, string Currency, ulong ValueDate, ulong RecordedAt,
    ulong? AcknowledgedAt)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;
}

/// <summary>A milestone the sponsor attested, and the auditor or regulator that verified it, if any.</summary>
public sealed record ProjectMilestoneView(
    string MilestoneId, Hash256 DescriptionHash, ulong AttestedAt, Address? VerifiedBy, ulong? VerifiedAt);

/// <summary>
/// One lender's figures in one currency, sorted by lender then currency: committed; disbursed and repaid as
/// acknowledged by the sponsor; and what the lender recorded that the sponsor has not acknowledged yet.
/// </summary>
public sealed record LenderSummaryView(
    Address Lender, string Currency, BigInteger Committed, BigInteger Disbursed, BigInteger Repaid,
    BigInteger DisbursedUnacknowledged, BigInteger RepaidUnacknowledged);
