using System.Numerics;
using System.Text.Json.Serialization;

namespace BriOrleans.Grains.Domain;

/// <summary>A financed project as stored; hashes and addresses in <see cref="CanonicalText"/>, lists in record order.</summary>
public sealed class ProjectState
{
    public string ProjectId { get; set; } = "";

    public string Sponsor { get; set; } = "";

    public string HostCountry { get; set; } = "";

    public string Sector { get; set; } = "";

    public string DescriptionHash { get; set; } = "";

    [JsonConverter(typeof(MinorUnitsJsonConverter))]
    public BigInteger TotalBudget { get; set; }

    public string Currency { get; set; } = "";

    public ulong RegisteredAt { get; set; }

    public List<CommitmentRecord> Commitments { get; set; } = [];

    public List<FinancingFlowRecord> Disbursements { get; set; } = [];

    public List<FinancingFlowRecord> Repayments { get; set; } = [];

    public List<ProjectMilestoneRecord> Milestones { get; set; } = [];
}

/// <summary>A lender's commitment as stored.</summary>
public sealed class CommitmentRecord
{
    public string CommitmentId { get; set; } = "";

    public string Lender { get; set; } = "";

    [JsonConverter(typeof(MinorUnitsJsonConverter))]
    public BigInteger Amount { get; set; }

    public string Currency { get; set; } = "";

    public string TermsHash { get; set; } = "";

    public ulong RecordedAt { get; set; }
}

/// <summary>A disbursement or repayment as stored; its currency is its commitment's.</summary>
public sealed class FinancingFlowRecord
{
    public string FlowId { get; set; } = "";

    public string CommitmentId { get; set; } = "";

    public string Lender { get; set; } = "";

    [JsonConverter(typeof(MinorUnitsJsonConverter))]
    public BigInteger Amount { get; set; }

    public ulong ValueDate { get; set; }

    public ulong RecordedAt { get; set; }

    public ulong? AcknowledgedAt { get; set; }
}

/// <summary>A project milestone as stored.</summary>
public sealed class ProjectMilestoneRecord
{
    public string MilestoneId { get; set; } = "";

    public string DescriptionHash { get; set; } = "";

    public ulong AttestedAt { get; set; }

    public string? VerifiedBy { get; set; }

    public ulong? VerifiedAt { get; set; }
}
