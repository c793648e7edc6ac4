using BriOrleans.Crypto;

namespace BriOrleans.Transactions;

/// <summary>A registrar admits an organization of its own country with its roles (DOMAIN.md, participants).</summary>
[TransactionKind("register-organization")]
public sealed record RegisterOrganization(
    Address From, ulong Nonce, Address Address, string Name, string Country, IReadOnlyList<string> Roles,
    string Lei = "") : ITransaction;

/// <summary>A registrar changes the roles of an organization of its own country.</summary>
[TransactionKind("change-organization-roles")]
public sealed record ChangeOrganizationRoles(
    Address From, ulong Nonce, Address Address, IReadOnlyList<string> Roles) : ITransaction;

/// <summary>A registrar suspends an organization of its own country: it can sign nothing until reinstated.</summary>
[TransactionKind("suspend-organization")]
public sealed record SuspendOrganization(Address From, ulong Nonce, Address Address, string Reason) : ITransaction;

/// <summary>A registrar reinstates a suspended organization of its own country.</summary>
[TransactionKind("reinstate-organization")]
public sealed record ReinstateOrganization(Address From, ulong Nonce, Address Address) : ITransaction;
