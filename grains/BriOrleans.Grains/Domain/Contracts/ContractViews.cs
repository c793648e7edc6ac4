using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>Immutable views of a contract's state; nothing in a view shares a list with the state.</summary>
public static class ContractViews
{
    public static ContractView Of(ContractState c) => new(
        c.ContractId,
        [.. c.Parties.Select(CanonicalText.Address)],
        CanonicalText.Hash(c.TermsHash),
        c.GoverningLaw,
        c.Value,
        c.Currency,
        [.. c.Milestones.Select(Of)],
        [.. c.ShipmentIds],
        c.Status,
        [.. c.Signatures.Select(Of)],
        [.. c.Amendments.Select(Of)],
        [.. c.Disputes.Select(Of)],
        [.. c.TerminationAgreements.Select(Of)],
        CanonicalText.Address(c.ProposedBy),
        c.ProposedAt,
        c.ActivatedAt,
        c.ClosedAt);

    private static ContractMilestoneView Of(MilestoneRecord m) => new(
        m.MilestoneId, CanonicalText.Hash(m.DescriptionHash), m.DueDate, CanonicalText.Address(m.Attestor),
        m.EvidenceHash is null ? null : CanonicalText.Hash(m.EvidenceHash), m.AttestedAt);

    private static PartyConsentView Of(ConsentRecord c) => new(CanonicalText.Address(c.Party), CanonicalText.Hash(c.Hash), c.At);

    private static ContractAmendmentView Of(AmendmentRecord a) => new(
        a.AmendmentId, CanonicalText.Address(a.ProposedBy), CanonicalText.Hash(a.TermsHash), a.Value, [.. a.Milestones.Select(Of)],
        [.. a.Signatures.Select(Of)], a.Status, a.ProposedAt, a.DecidedAt);

    private static ContractDisputeView Of(DisputeRecord d) => new(
        d.DisputeId, CanonicalText.Address(d.RaisedBy), CanonicalText.Hash(d.ReasonHash), d.RaisedAt,
        d.ResolvedBy is null ? null : CanonicalText.Address(d.ResolvedBy), d.ResolutionHash is null ? null : CanonicalText.Hash(d.ResolutionHash),
        d.ResolvedAt);
}
