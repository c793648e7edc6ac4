using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Chain;

/// <summary>Where a block stands in this node's tree-graph: its epoch (when ordered) and whether its parent choice was valid.</summary>
public sealed record BlockPlacement(Hash256 Id, long? Epoch, bool ParentChoiceValid, bool Skipped);

/// <summary>The outcome of offering a block to the pivot chain.</summary>
public sealed record BlockAdmission(bool Accepted, string ReasonCode, string Message, EpochShift? Epochs)
{
    public static BlockAdmission Refused(string code, string message) => new(false, code, message, null);
}

/// <summary>
/// How the ordered epochs moved: epochs from <see cref="FirstChangedEpoch"/> on were dropped (a pivot switch) and
/// <see cref="Added"/> replace them. Executed epochs at or above the first changed one must be rolled back.
/// </summary>
public sealed record EpochShift(long FirstChangedEpoch, int RemovedCount, IReadOnlyList<EpochPlan> Added);

/// <summary>What an epoch executes: its pivot, its blocks in order (skipped ones first), and its time.</summary>
public sealed record EpochPlan(ulong Number, Hash256 Pivot, IReadOnlyList<Hash256> Blocks, IReadOnlyList<Hash256> Skipped, ulong Timestamp)
{
    public IEnumerable<Hash256> Executed => Blocks.Skip(Skipped.Count);
}

/// <summary>The pivot chain as seen now.</summary>
public sealed record ChainStatus(Hash256 PivotTip, ulong BestEpoch, int BlockCount, IReadOnlyList<Hash256> Tips, int NotYetOrdered);

/// <summary>What an honest producer builds on now: parent (the pivot tip), referees (the other tips), height.</summary>
public sealed record BlockTemplate(Hash256 Parent, IReadOnlyList<Hash256> Referees, ulong Height, ulong ParentTimestamp);

/// <summary>A block as the API shows it.</summary>
public sealed record BlockView(BlockHeader Header, Hash256 Id, string? Signature, IReadOnlyList<Hash256> Transactions, BlockPlacement Placement);

/// <summary>The result of executing one epoch: its committed record, its receipts, and transactions to return to the pool.</summary>
public sealed record EpochExecution(EpochRecord Record, IReadOnlyList<Receipt> Receipts, IReadOnlyList<Hash256> ReturnedToPool);

/// <summary>Counts over all committed epochs.</summary>
public sealed record LedgerTotals(long ExecutedTransactions, long FailedTransactions);

/// <summary>Where a block comes from: this node's producer (its transactions were verified on admission) or a peer.</summary>
public enum BlockOrigin
{
    Produced,
    Peer,
}
