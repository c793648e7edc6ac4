using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// An account: its nonce and, once a registrar admitted it, its organization. Keyed by the address in lower-case
/// 0x hex (<see cref="KeyOf"/>), so that EIP-55 and lower-case spellings reach the same grain.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>The grain key of <paramref name="address"/>: 0x and 40 lower-case hex digits.</summary>
    static string KeyOf(Address address) => string.Create(Address.TextLength, address, static (text, a) =>
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        a.WriteTo(bytes);
        Hex.Format(bytes, text);
    });

    /// <summary>The organization registered at this address; null when none is.</summary>
    Task<OrganizationView?> GetOrganizationAsync();

    /// <summary>What admitting a transaction of this account needs, read in one turn: is it registered, active, and its next nonce.</summary>
    Task<AccountStanding> GetStandingAsync();

    /// <summary>The nonce the account's next transaction must carry (0 for an account that never sent one).</summary>
    Task<ulong> GetNextNonceAsync();

    /// <summary>
    /// Applies the nonce rule to a transaction of this account: a nonce below the next one was used, one above is
    /// ahead (both change nothing); the next nonce itself is consumed.
    /// </summary>
    Task<NonceCheck> UseNonceAsync(ulong nonce);

    /// <summary>Registers the organization at this address; the sender must be a registrar of its country.</summary>
    Task<TransactionOutcome> RegisterAsync(RegisterOrganization transaction, TransactionContext context);

    Task<TransactionOutcome> ChangeRolesAsync(ChangeOrganizationRoles transaction, TransactionContext context);

    Task<TransactionOutcome> SuspendAsync(SuspendOrganization transaction, TransactionContext context);

    Task<TransactionOutcome> ReinstateAsync(ReinstateOrganization transaction, TransactionContext context);

    /// <summary>Admits a registrar or validator named by genesis; throws if the address is already registered.</summary>
    Task AdmitAtGenesisAsync(string name, string country, IReadOnlyList<string> roles, ulong timestamp);
}

/// <summary>An account as transaction admission sees it: registered as an organization, active, and the nonce it must use next.</summary>
public sealed record AccountStanding(bool Registered, bool Active, ulong NextNonce);
