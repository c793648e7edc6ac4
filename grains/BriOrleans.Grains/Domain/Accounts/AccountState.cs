using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>An account's persistent state: its next nonce and, once registered, its organization.</summary>
public sealed class AccountState
{
    public ulong NextNonce { get; set; }

    public OrganizationRecord? Organization { get; set; }
}

/// <summary>A registered organization as stored; addresses in <see cref="CanonicalText"/>, roles sorted ordinally.</summary>
public sealed class OrganizationRecord
{
    public string Name { get; set; } = "";

    public string Country { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    public string Lei { get; set; } = "";

    public OrganizationStatus Status { get; set; }

    public string SuspensionReason { get; set; } = "";

    /// <summary>The registrar that admitted it; null for the accounts genesis names.</summary>
    public string? RegisteredBy { get; set; }

    public ulong RegisteredAt { get; set; }
}
