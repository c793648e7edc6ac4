using System.Numerics;
using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// What contract terms must hold, at proposal and in every amendment: a terms hash, a non-negative value, at least
/// one milestone, milestone ids unique, each attested by a party. An amendment keeps every attested milestone as it
/// was (same id, description and attestor), so that an attestation is never rewritten.
/// </summary>
public static class ContractTermsRules
{
    public static TransactionOutcome? RefuseTerms(Hash256 termsHash, BigInteger value, IReadOnlyList<ContractMilestone> milestones, IReadOnlyList<string> parties)
    {
        if (termsHash.IsZero)
            return Fail(ReasonCodes.InvalidField, "termsHash: the hash of the terms document is required");
        if (value.Sign < 0)
            return Fail(ReasonCodes.InvalidAmount, "value is never negative");
        if (milestones.Count == 0)
            return Fail(ReasonCodes.InvalidMilestones, "a contract has at least one milestone: it completes when all are attested");
        foreach (var milestone in milestones)
        {
            if (!FieldFormat.IsId(milestone.MilestoneId))
                return Fail(ReasonCodes.InvalidId, $"milestoneId '{milestone.MilestoneId}' is not a valid id");
            if (milestone.DescriptionHash.IsZero)
                return Fail(ReasonCodes.InvalidField, $"milestone {milestone.MilestoneId}: descriptionHash is required");
            if (!parties.Contains(CanonicalText.Of(milestone.Attestor)))
                return Fail(ReasonCodes.InvalidMilestones, $"milestone {milestone.MilestoneId} is attested by {milestone.Attestor}, which is not a party");
        }
        return milestones.GroupBy(m => m.MilestoneId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated
            ? Fail(ReasonCodes.InvalidMilestones, $"milestone {repeated.Key} is listed twice")
            : null;
    }

    /// <summary>Refuses amended milestones that drop or change a milestone already attested.</summary>
    public static TransactionOutcome? RefuseAttestedChange(IReadOnlyList<MilestoneRecord> current, IReadOnlyList<MilestoneRecord> amended)
    {
        foreach (var attested in current.Where(m => m.AttestedAt is not null))
        {
            var kept = amended.FirstOrDefault(m => m.MilestoneId == attested.MilestoneId);
            if (kept is null || kept.DescriptionHash != attested.DescriptionHash || kept.Attestor != attested.Attestor)
                return Fail(ReasonCodes.AttestedMilestoneChanged,
                    $"milestone {attested.MilestoneId} is attested: an amendment keeps it with the same description and attestor");
        }
        return null;
    }

    public static MilestoneRecord ToRecord(ContractMilestone milestone) => new()
    {
        MilestoneId = milestone.MilestoneId,
        DescriptionHash = CanonicalText.Of(milestone.DescriptionHash),
        DueDate = milestone.DueDate,
        Attestor = CanonicalText.Of(milestone.Attestor),
    };

    private static TransactionOutcome Fail(string code, string message) => TransactionOutcome.Failed(code, message);
}
