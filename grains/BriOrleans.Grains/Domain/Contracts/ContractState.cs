using System.Numerics;
using System.Text.Json.Serialization;
using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>A contract as stored; hashes and addresses in <see cref="CanonicalText"/>, lists in the order things happened.</summary>
public sealed class ContractState
{
    public string ContractId { get; set; } = "";

    public List<string> Parties { get; set; } = [];

    public string TermsHash { get; set; } = "";

    public string GoverningLaw { get; set; } = "";

    [JsonConverter(typeof(MinorUnitsJsonConverter))]
    public BigInteger Value { get; set; }

    public string Currency { get; set; } = "";

    public List<MilestoneRecord> Milestones { get; set; } = [];

    public List<string> ShipmentIds { get; set; } = [];

    public ContractStatus Status { get; set; }

    public List<ConsentRecord> Signatures { get; set; } = [];

    public List<AmendmentRecord> Amendments { get; set; } = [];

    public List<DisputeRecord> Disputes { get; set; } = [];

    public List<ConsentRecord> TerminationAgreements { get; set; } = [];

    public string ProposedBy { get; set; } = "";

    public ulong ProposedAt { get; set; }

    public ulong? ActivatedAt { get; set; }

    public ulong? ClosedAt { get; set; }
}

/// <summary>A contract milestone as stored; the evidence fields are set once attested.</summary>
public sealed class MilestoneRecord
{
    public string MilestoneId { get; set; } = "";

    public string DescriptionHash { get; set; } = "";

    public ulong DueDate { get; set; }

    public string Attestor { get; set; } = "";

    public string? EvidenceHash { get; set; }

    public ulong? AttestedAt { get; set; }
}

/// <summary>A party's signature, or agreement to terminate, naming a hash.</summary>
public sealed class ConsentRecord
{
    public string Party { get; set; } = "";

    public string Hash { get; set; } = "";

    public ulong At { get; set; }
}

/// <summary>Proposed new terms and who signed them.</summary>
public sealed class AmendmentRecord
{
    public string AmendmentId { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public string TermsHash { get; set; } = "";

    [JsonConverter(typeof(MinorUnitsJsonConverter))]
    public BigInteger Value { get; set; }

    public List<MilestoneRecord> Milestones { get; set; } = [];

    public List<ConsentRecord> Signatures { get; set; } = [];

    public AmendmentStatus Status { get; set; }

    public ulong ProposedAt { get; set; }

    public ulong? DecidedAt { get; set; }
}

/// <summary>A dispute as stored; the resolution fields are set once resolved.</summary>
public sealed class DisputeRecord
{
    public string DisputeId { get; set; } = "";

    public string RaisedBy { get; set; } = "";

    public string ReasonHash { get; set; } = "";

    public ulong RaisedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public string? ResolutionHash { get; set; }

    public ulong? ResolvedAt { get; set; }
}
