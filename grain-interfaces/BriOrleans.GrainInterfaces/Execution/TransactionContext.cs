using BriOrleans.Crypto;

namespace BriOrleans.Execution;

/// <summary>
/// What a transaction may know about where it runs. Execution is a pure function of the ordered transactions
/// and prior state: the time is the epoch's pivot block timestamp (Unix milliseconds), never the wall clock.
/// </summary>
public sealed record TransactionContext(Hash256 TransactionHash, Hash256 BlockId, ulong Epoch, ulong Timestamp);
