using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;

namespace BriOrleans.Execution;

/// <summary>
/// What a transaction may know about where it runs. Execution is a pure function of the ordered transactions
/// and prior state: the time is the epoch's pivot block timestamp (Unix milliseconds), never the wall clock.
/// </summary>
public sealed record TransactionContext(Hash256 TransactionHash, Hash256 BlockId, ulong Epoch, ulong Timestamp)
{
    /// <summary>
    /// The sending organization as its account stood once the transaction's nonce was consumed, the first step of
    /// every transaction (<c>TransactionExecutor</c> sets it); null when no organization holds the sender's address.
    /// Grains read the sender here rather than asking its account again.
    /// </summary>
    public OrganizationView? Sender { get; init; }
}
