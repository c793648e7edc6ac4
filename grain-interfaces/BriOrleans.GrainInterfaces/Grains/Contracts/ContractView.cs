using System.Numerics;
using System.Text.Json.Serialization;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// A contract: its parties, the terms in force (hash, value, milestones), who signed them, the amendments and
/// disputes in the order raised, the parties that agreed to terminate, and its status. Times are Unix ms.
/// </summary>
public sealed record ContractView(
    string ContractId,
    IReadOnlyList<Address> Parties,
    Hash256 TermsHash,
    string GoverningLaw,
    BigInteger Value,
    string Currency,
    IReadOnlyList<ContractMilestoneView> Milestones,
    IReadOnlyList<string> ShipmentIds,
    ContractStatus Status,
    IReadOnlyList<PartyConsentView> Signatures,
    IReadOnlyList<ContractAmendmentView> Amendments,
    IReadOnlyList<ContractDisputeView> Disputes,
    IReadOnlyList<PartyConsentView> TerminationAgreements,
    Address ProposedBy,
    ulong ProposedAt,
    ulong? ActivatedAt,
    ulong? ClosedAt);

/// <summary>proposed → active once every party signed → completed when every milestone is attested; or terminated by all.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContractStatus>))]
public enum ContractStatus
{
    Proposed,
    Active,
    Completed,
    Terminated,
}

/// <summary>A party's act naming a hash: a signature of terms, or an agreement to terminate with its reason.</summary>
public sealed record PartyConsentView(Address Party, Hash256 Hash, ulong At);

/// <summary>A milestone in force; <see cref="EvidenceHash"/> and <see cref="AttestedAt"/> are set once its attestor attested it. Due date in Unix seconds.</summary>
public sealed record ContractMilestoneView(
    string MilestoneId, Hash256 DescriptionHash, ulong DueDate, Address Attestor, Hash256? EvidenceHash, ulong? AttestedAt)
{
    public bool IsAttested => AttestedAt is not null;
}

/// <summary>Proposed new terms: they replace the contract's terms, value and milestones once every party signed.</summary>
public sealed record ContractAmendmentView(
    string AmendmentId,
    Address ProposedBy,
    Hash256 TermsHash,
    BigInteger Value,
    IReadOnlyList<ContractMilestoneView> Milestones,
    IReadOnlyList<PartyConsentView> Signatures,
    AmendmentStatus Status,
    ulong ProposedAt,
    ulong? DecidedAt);

/// <summary>An amendment awaits signatures, was applied, or lapsed because the contract completed or ended first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AmendmentStatus>))]
public enum AmendmentStatus
{
    Pending,
    Applied,
    Lapsed,
}

/// <summary>A dispute a party raised; the resolution fields are set once a party resolved it.</summary>
public sealed record ContractDisputeView(
    string DisputeId, Address RaisedBy, Hash256 ReasonHash, ulong RaisedAt, Address? ResolvedBy, Hash256? ResolutionHash,
    ulong? ResolvedAt)
{
    public bool IsOpen => ResolvedAt is null;
}
