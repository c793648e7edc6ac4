using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>
/// The node's durable ledger: blocks as they arrive, executed epochs with their receipts, grain state and state tree
/// (each epoch in one transaction), rollback of epochs not yet final, and transactions waiting for a block. Every
/// write is durable when its task completes successfully (a staged block's task, which never faults, is the
/// exception: see <see cref="StageBlock"/>). Writes are made one at a time, in the order they were asked for.
/// </summary>
public interface ILedgerStore : IAsyncDisposable
{
    /// <summary>The grain-state provider whose staged writes go into <see cref="EpochCommit.StateWrites"/>.</summary>
    LedgerGrainStorage GrainStorage { get; }

    /// <summary>The state tree's node store; build the <see cref="Grains.State.StateTree"/> of the ledger over it.</summary>
    DatabaseStateNodeStore StateNodes { get; }

    /// <summary>Stores a block under its arrival index; storing a stored block again changes nothing.</summary>
    Task SaveBlockAsync(Block block, long arrivalIndex, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a block as <see cref="SaveBlockAsync"/> does, in the background: returns at once, and every write asked
    /// for afterwards, the epoch that executes the block among them, is made after it. The task completes once the
    /// write is over; it never faults. A failed write stops the store, as a failed epoch write does: every later
    /// write is refused with that failure as the reason.
    /// </summary>
    Task StageBlock(Block block, long arrivalIndex);

    /// <summary>Every stored block in arrival order, to rebuild the tree-graph at restart.</summary>
    IAsyncEnumerable<StoredBlock> LoadBlocksAsync(CancellationToken cancellationToken = default);

    Task<Block?> GetBlockAsync(Hash256 id, CancellationToken cancellationToken = default);

    /// <summary>Writes an executed epoch in one transaction: afterwards all of it is stored and it is the executed epoch, or on failure none of it is.</summary>
    Task CommitEpochAsync(EpochCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies an executed epoch to memory, so the next one can execute on it, and writes it in one transaction in the
    /// background; the returned task completes once it is durable. Only then is it the executed epoch. A failed write
    /// leaves none of the epoch stored and stops the store: later writes are refused until it is opened again.
    /// </summary>
    Task<Task> StageEpochAsync(EpochCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Completes once no epoch write is in flight; throws when the store stopped after a failed one.</summary>
    Task EpochWrittenAsync();

    /// <summary>Removes every epoch after <paramref name="epoch"/> in one transaction: state reads as it was right after it.</summary>
    Task RollbackToEpochAsync(ulong epoch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finality: forgets what only a rollback below <paramref name="epoch"/> would need (older state-tree versions and
    /// superseded grain-state rows), so storage stops growing with history; rollback below it is refused from then on.
    /// Epochs, receipts and blocks are kept.
    /// </summary>
    Task PruneBeforeAsync(ulong epoch, CancellationToken cancellationToken = default);

    Task<Receipt?> GetReceiptAsync(Hash256 transactionHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where an executed transaction sits: the block whose copy of it executed, its index there and the epoch; empty
    /// for one not executed. A transaction that concurrent blocks repeat executes once, so there is one location.
    /// </summary>
    Task<IReadOnlyList<TransactionLocation>> GetTransactionLocationsAsync(Hash256 transactionHash, CancellationToken cancellationToken = default);

    Task<StoredEpoch?> GetEpochAsync(ulong number, CancellationToken cancellationToken = default);

    /// <summary>The number of the last committed epoch, or null before the genesis epoch 0.</summary>
    Task<ulong?> LatestExecutedEpochAsync(CancellationToken cancellationToken = default);

    Task<LedgerCounts> GetCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores transactions accepted but not yet in a block, all in one transaction; known hashes are skipped.</summary>
    Task SavePendingAsync(IReadOnlyList<(Hash256 Hash, byte[] Encoded)> transactions, CancellationToken cancellationToken = default);

    Task RemovePendingAsync(IEnumerable<Hash256> hashes, CancellationToken cancellationToken = default);

    /// <summary>The pending transactions in the order they were saved.</summary>
    Task<IReadOnlyList<(Hash256 Hash, byte[] Encoded)>> LoadPendingAsync(CancellationToken cancellationToken = default);
}
