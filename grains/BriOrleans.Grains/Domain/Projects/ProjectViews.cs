using System.Numerics;
using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>Immutable views of a project's state, with its public summary per lender and currency.</summary>
public static class ProjectViews
{
    public static ProjectView Of(ProjectState p) => new(
        p.ProjectId,
        CanonicalText.Address(p.Sponsor),
        p.HostCountry,
        p.Sector,
        CanonicalText.Hash(p.DescriptionHash),
        p.TotalBudget,
        p.Currency,
        p.RegisteredAt,
        [.. p.Commitments.Select(c => new CommitmentView(
            c.CommitmentId, CanonicalText.Address(c.Lender), c.Amount, c.Currency, CanonicalText.Hash(c.TermsHash), c.RecordedAt))],
        [.. p.Disbursements.Select(f => Of(p, f))],
        [.. p.Repayments.Select(f => Of(p, f))],
        [.. p.Milestones.Select(m => new ProjectMilestoneView(
            m.MilestoneId, CanonicalText.Hash(m.DescriptionHash), m.AttestedAt, m.VerifiedBy is null ? null : CanonicalText.Address(m.VerifiedBy), m.VerifiedAt))],
        Summary(p));

    /// <summary>Figures per (lender, currency), sorted by lender address then currency, ordinally.</summary>
    public static IReadOnlyList<LenderSummaryView> Summary(ProjectState p) =>
    [
        .. p.Commitments
            .GroupBy(c => (c.Lender, c.Currency))
            .OrderBy(g => g.Key.Lender, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g =>
            {
                var ids = g.Select(c => c.CommitmentId).ToHashSet(StringComparer.Ordinal);
                return new LenderSummaryView(
                    CanonicalText.Address(g.Key.Lender), g.Key.Currency,
                    g.Aggregate(BigInteger.Zero, (total, c) => total + c.Amount),
                    Total(p.Disbursements, ids, acknowledged: true), Total(p.Repayments, ids, acknowledged: true),
                    Total(p.Disbursements, ids, acknowledged: false), Total(p.Repayments, ids, acknowledged: false));
            }),
    ];

    private static BigInteger Total(IEnumerable<FinancingFlowRecord> flows, HashSet<string> commitmentIds, bool acknowledged) =>
        flows.Where(f => commitmentIds.Contains(f.CommitmentId) && (f.AcknowledgedAt is not null) == acknowledged)
            .Aggregate(BigInteger.Zero, (total, f) => total + f.Amount);

    private static FinancingFlowView Of(ProjectState p, FinancingFlowRecord f) => new(
        f.FlowId, f.CommitmentId, CanonicalText.Address(f.Lender), f.Amount,
        p.Commitments.Find(c => c.CommitmentId == f.CommitmentId)!.Currency, f.ValueDate, f.RecordedAt, f.AcknowledgedAt);
}
