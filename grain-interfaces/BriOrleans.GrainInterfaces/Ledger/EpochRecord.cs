using BriOrleans.Crypto;

namespace BriOrleans.Ledger;

/// <summary>
/// An executed epoch: its pivot block, its blocks in execution order (those beyond the execution bound listed
/// as skipped), the state root and receipts root after it, and its time (the pivot block's timestamp, the only
/// clock execution reads).
/// </summary>
public sealed record EpochRecord(
    ulong Number,
    Hash256 Pivot,
    IReadOnlyList<Hash256> Blocks,
    IReadOnlyList<Hash256> SkippedBlocks,
    Hash256 StateRoot,
    Hash256 ReceiptsRoot,
    ulong Timestamp,
    int ExecutedTransactions,
    int FailedTransactions);
