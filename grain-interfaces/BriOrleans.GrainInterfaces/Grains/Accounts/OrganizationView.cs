using System.Text.Json.Serialization;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// A registered organization. Roles are sorted; <see cref="RegisteredBy"/> is null for the registrars and
/// validators genesis names; times (<c>…At</c>) are ledger times, Unix milliseconds of the executing pivot block.
/// </summary>
public sealed record OrganizationView(
    Address Address,
    string Name,
    string Country,
    IReadOnlyList<string> Roles,
    string Lei,
    OrganizationStatus Status,
    string SuspensionReason,
    Address? RegisteredBy,
    ulong RegisteredAt,
    ulong NextNonce)
{
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsActive => Status == OrganizationStatus.Active;
}

/// <summary>Whether an organization may sign transactions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganizationStatus>))]
public enum OrganizationStatus
{
    Active,
    Suspended,
}
