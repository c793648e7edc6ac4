using System.Globalization;
using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>
/// <see cref="ILedgerStore"/> over a <see cref="LedgerDatabase"/>. Writes take turns behind one gate and each is one
/// database transaction; the memory (executed epoch, counts) follows the database only after a commit, so a failed
/// write leaves the store as it was. The exception is an epoch's write, which is pipelined: the epoch is applied to
/// memory first, so that the next one can execute while it is written (see <see cref="StageEpochAsync"/>), and a
/// failed epoch write stops the store. Counts are kept in memory from open, so a status page never scans a table.
/// </summary>
public sealed partial class LedgerStore : ILedgerStore
{
    private readonly LedgerDatabase _database;
    private readonly ulong _chainId;
    // The last write asked for; each write waits for the one before it (see WriteAsync).
    private Task _writeQueue = Task.CompletedTask;
    private readonly Lock _gate = new();
    private ulong? _executedEpoch;
    private long _blocks;
    private long _executedTransactions;
    private long _failedTransactions;
    private long _pending;
    private long _etagHighWater;
    private bool _disposed;

    private LedgerStore(LedgerDatabase database, ulong chainId, DatabaseStateNodeStore stateNodes, LedgerGrainStorage grainStorage)
    {
        _database = database;
        _chainId = chainId;
        StateNodes = stateNodes;
        GrainStorage = grainStorage;
    }

    public LedgerGrainStorage GrainStorage { get; }

    public DatabaseStateNodeStore StateNodes { get; }

    /// <summary>Where the data lives, for logs and the status page.</summary>
    public string Location => $"{_database.Provider} {_database.Location}";

    /// <summary>Opens the database <paramref name="storage"/> names (see <see cref="LedgerDatabase.OpenAsync"/>) and the store on it.</summary>
    public static async Task<LedgerStore> OpenAsync(
        string storage, string dataDirectory, ulong chainId, LedgerStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        var database = await LedgerDatabase.OpenAsync(storage, dataDirectory, cancellationToken);
        try
        {
            return await OpenAsync(database, chainId, options, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the store on a database it then owns; a database of another chain is refused.</summary>
    public static async Task<LedgerStore> OpenAsync(
        LedgerDatabase database, ulong chainId, LedgerStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        options ??= new LedgerStoreOptions();
        long etagHighWater;
        (ulong? Executed, long ExecutedTransactions, long FailedTransactions) totals;
        long blocks, pending;
        await using (var transaction = await database.BeginAsync(cancellationToken))
        {
            var chain = chainId.ToString(CultureInfo.InvariantCulture);
            var recorded = await MetaTable.GetAsync(transaction, MetaTable.ChainId, cancellationToken);
            if (recorded is null)
                await MetaTable.SetAsync(transaction, MetaTable.ChainId, chain, cancellationToken);
            else if (recorded != chain)
                throw new InvalidOperationException($"the {database.Provider} database at {database.Location} belongs to chain {recorded}, not {chain}");
            etagHighWater = long.Parse(await MetaTable.GetAsync(transaction, MetaTable.EtagHighWater, cancellationToken) ?? "0", CultureInfo.InvariantCulture);
            totals = await EpochTable.TotalsAsync(transaction, cancellationToken);
            blocks = (await transaction.QueryAsync("SELECT COUNT(*) FROM blocks", r => r.GetInt64(0), cancellationToken))[0];
            pending = (await transaction.QueryAsync("SELECT COUNT(*) FROM pending_transactions", r => r.GetInt64(0), cancellationToken))[0];
            await transaction.CommitAsync();
        }
        var stateNodes = await DatabaseStateNodeStore.OpenAsync(database, options.NodeCacheCapacity, cancellationToken);
        var grainStorage = new LedgerGrainStorage(database, options.Serializer, options.GrainStateCacheCapacity, totals.Executed, etagHighWater);
        return new LedgerStore(database, chainId, stateNodes, grainStorage)
        {
            _executedEpoch = totals.Executed,
            _stagedEpoch = totals.Executed,
            _executedTransactions = totals.ExecutedTransactions,
            _failedTransactions = totals.FailedTransactions,
            _blocks = blocks,
            _pending = pending,
            _etagHighWater = etagHighWater,
        };
    }

    public async Task SaveBlockAsync(Block block, long arrivalIndex, CancellationToken cancellationToken = default)
    {
        CheckBlock(block, arrivalIndex);
        await WriteAsync(() => InsertBlockAsync(block, arrivalIndex, cancellationToken));
    }

    public Task StageBlock(Block block, long arrivalIndex)
    {
        CheckBlock(block, arrivalIndex);
        // Its place in the queue is taken now, before this returns; the write itself runs in the background.
        return WriteStagedBlockAsync(block, arrivalIndex);
    }

    private void CheckBlock(Block block, long arrivalIndex)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalIndex);
        if (block.Header.ChainId != _chainId)
            throw new ArgumentException($"block {block.Id} belongs to chain {block.Header.ChainId}, not {_chainId}", nameof(block));
    }

    // Never faults: a failure stops the store, so every later write (the epoch that executes the block among them)
    // fails with it as the reason.
    private async Task WriteStagedBlockAsync(Block block, long arrivalIndex)
    {
        try
        {
            await WriteAsync(() => InsertBlockAsync(block, arrivalIndex, CancellationToken.None), inBackground: true);
        }
        catch (Exception e)
        {
            Stop($"writing block {block.Id} failed ({e.Message}); memory holds it but the database does not", e);
        }
    }

    private async Task InsertBlockAsync(Block block, long arrivalIndex, CancellationToken cancellationToken)
    {
        bool inserted;
        await using (var transaction = await _database.BeginAsync(cancellationToken))
        {
            inserted = await BlockTable.InsertAsync(transaction, block, arrivalIndex, cancellationToken);
            await transaction.CommitAsync();
        }
        if (inserted)
            lock (_gate)
                _blocks++;
    }

    public IAsyncEnumerable<StoredBlock> LoadBlocksAsync(CancellationToken cancellationToken = default) =>
        BlockTable.StreamAsync(_database, _chainId, cancellationToken);

    public Task<Block?> GetBlockAsync(Hash256 id, CancellationToken cancellationToken = default) =>
        BlockTable.GetAsync(_database, id, _chainId, cancellationToken);

    public async Task RollbackToEpochAsync(ulong epoch, CancellationToken cancellationToken = default)
    {
        await EpochWrittenAsync();
        await WriteAsync(async () =>
        {
            ulong? executed;
            lock (_gate)
                executed = _executedEpoch;
            if (executed is not { } latest || epoch > latest)
                throw new ArgumentException(
                    $"cannot roll back to epoch {epoch}: the executed epoch is {executed?.ToString(CultureInfo.InvariantCulture) ?? "none"}", nameof(epoch));
            if (epoch == latest)
                return;
            GrainStorage.CheckIdle();
            if (StateNodes.GetRoot(epoch) is null)
                throw new ArgumentException(
                    $"cannot roll back to epoch {epoch}: its state is no longer retained (oldest retained: {StateNodes.OldestVersion})", nameof(epoch));
            (ulong? Executed, long ExecutedTransactions, long FailedTransactions) totals;
            (ulong? Oldest, ulong? Latest) retained;
            await using (var transaction = await _database.BeginAsync(cancellationToken))
            {
                await ReceiptTable.DeleteAfterAsync(transaction, epoch, cancellationToken);
                await GrainStateTable.DeleteAfterAsync(transaction, epoch, cancellationToken);
                await EpochTable.DeleteAfterAsync(transaction, epoch, cancellationToken);
                retained = await DatabaseStateNodeStore.DeleteVersionsAfterAsync(transaction, epoch, cancellationToken);
                totals = await EpochTable.TotalsAsync(transaction, cancellationToken);
                await transaction.CommitAsync();
            }
            lock (_gate)
            {
                (_executedEpoch, _executedTransactions, _failedTransactions) = totals;
                _stagedEpoch = _executedEpoch;
            }
            StateNodes.RemovedAfter(epoch, retained);
            GrainStorage.RolledBack(epoch);
        });
    }

    public async Task PruneBeforeAsync(ulong epoch, CancellationToken cancellationToken = default)
    {
        await EpochWrittenAsync();
        await WriteAsync(async () =>
        {
            ulong? executed;
            lock (_gate)
                executed = _executedEpoch;
            if (executed is not { } latest || epoch > latest)
                throw new ArgumentException(
                    $"cannot prune before epoch {epoch}: the executed epoch is {executed?.ToString(CultureInfo.InvariantCulture) ?? "none"}", nameof(epoch));
            if (epoch <= StateNodes.OldestVersion)
                return;
            ulong? oldest;
            await using (var transaction = await _database.BeginAsync(cancellationToken))
            {
                await GrainStateTable.DeleteSupersededAsync(transaction, epoch, cancellationToken);
                oldest = await DatabaseStateNodeStore.DeleteVersionsBeforeAsync(transaction, epoch, cancellationToken);
                await transaction.CommitAsync();
            }
            StateNodes.RemovedBefore(epoch, oldest);
        });
    }

    public Task<Receipt?> GetReceiptAsync(Hash256 transactionHash, CancellationToken cancellationToken = default) =>
        ReceiptTable.GetAsync(_database, transactionHash, cancellationToken);

    public async Task<IReadOnlyList<TransactionLocation>> GetTransactionLocationsAsync(Hash256 transactionHash, CancellationToken cancellationToken = default) =>
        await ReceiptTable.LocationsAsync(_database, transactionHash, cancellationToken);

    public async Task<StoredEpoch?> GetEpochAsync(ulong number, CancellationToken cancellationToken = default)
    {
        if (await EpochTable.GetAsync(_database, number, cancellationToken) is not { } record)
            return null;
        var hashes = await ReceiptTable.HashesOfEpochAsync(_database, number, cancellationToken);
        return new StoredEpoch(record, hashes.Select(h => h.Transaction).ToList(), hashes.Select(h => h.Receipt).ToList());
    }

    public Task<ulong?> LatestExecutedEpochAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_executedEpoch);
    }

    public Task<LedgerCounts> GetCountsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(new LedgerCounts(_blocks, _executedEpoch, _executedTransactions, _failedTransactions, _pending));
    }

    public async Task SavePendingAsync(IReadOnlyList<(Hash256 Hash, byte[] Encoded)> transactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count > 0)
            await ChangePendingAsync(transaction => PendingTable.InsertAsync(transaction, transactions, cancellationToken), +1, cancellationToken);
    }

    public async Task RemovePendingAsync(IEnumerable<Hash256> hashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var list = hashes.ToList();
        if (list.Count > 0)
            await ChangePendingAsync(transaction => PendingTable.DeleteAsync(transaction, list, cancellationToken), -1, cancellationToken);
    }

    // One database transaction that adds (sign +1) or removes (-1) pending rows; the count follows once it committed.
    private Task ChangePendingAsync(Func<LedgerTransaction, Task<int>> change, int sign, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            int changed;
            await using (var transaction = await _database.BeginAsync(cancellationToken))
            {
                changed = await change(transaction);
                await transaction.CommitAsync();
            }
            lock (_gate)
                _pending += sign * changed;
        });

    public async Task<IReadOnlyList<(Hash256 Hash, byte[] Encoded)>> LoadPendingAsync(CancellationToken cancellationToken = default) =>
        await PendingTable.LoadAsync(_database, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> after every write asked for before this call, alone: the queue's order is the
    /// order of the calls, so a block staged before an epoch is durable before it. A write whose turn comes after
    /// the store stopped is refused. <paramref name="inBackground"/> runs it on the thread pool, not the caller's.
    /// </summary>
    private async Task WriteAsync(Func<Task> write, bool inBackground = false)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _writeQueue;
            _writeQueue = done.Task;
        }
        try
        {
            // The queue's tasks never fault: each write's failure goes to its own caller.
            await previous;
            lock (_gate)
                ThrowIfStopped();
            if (inBackground)
                await Task.Run(write);
            else
                await write();
        }
        finally
        {
            done.SetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Queued writes finish first; the failure of any, if one failed, was reported to its caller or stopped the store.
        Task queued;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            queued = _writeQueue;
        }
        await queued;
        await StateNodes.DisposeAsync();
        await _database.DisposeAsync();
    }
}
