using System.Globalization;
using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>
/// Epoch commits, pipelined one deep. <see cref="StageEpochAsync"/> applies an epoch to memory at once (the state
/// tree's new version and the grain-state writes, held in memory until written, so the next epoch can execute on
/// top of them) and writes it to the database in the background, in one transaction. The next epoch is applied only
/// once that write is durable, so at most one epoch is ever ahead of the database. The executed epoch and the counts
/// follow the database, not the memory: what the store reports as executed is durable. A failed epoch write leaves
/// the database without any of that epoch but the memory ahead of it, so the store refuses every later write; a
/// store opened again on the database starts from the last durable epoch.
/// </summary>
public sealed partial class LedgerStore
{
    private readonly SemaphoreSlim _stager = new(1, 1);
    // The last epoch applied to memory: the executed epoch, or the one after it while its write is in flight.
    private ulong? _stagedEpoch;
    private Task _epochWrite = Task.CompletedTask;
    private Exception? _stoppedBy;

    /// <summary>The last epoch applied to memory; one above <see cref="LatestExecutedEpochAsync"/> while it is being written.</summary>
    public ulong? StagedEpoch
    {
        get { lock (_gate) return _stagedEpoch; }
    }

    /// <summary>
    /// Writes an epoch and completes once it is durable (see <see cref="StageEpochAsync"/>). On failure none of the
    /// epoch is in the database; if the failure was the database's, the store refuses later writes.
    /// </summary>
    public async Task CommitEpochAsync(EpochCommit commit, CancellationToken cancellationToken = default) =>
        await await StageEpochAsync(commit, cancellationToken);

    /// <summary>
    /// Applies an epoch to memory and starts writing it; returns once it is applied, with the task of its write, which
    /// completes once the epoch is durable. A commit that does not follow the staged epoch, or whose parts disagree,
    /// is refused before anything changes. Waits for the previous epoch's write first.
    /// </summary>
    public async Task<Task> StageEpochAsync(EpochCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var number = commit.Epoch.Number;
        var receiptHashes = commit.ReceiptHashesOrComputed();
        var problems = commit.Problems(receiptHashes).ToList();
        if (problems.Count > 0)
            throw new ArgumentException($"epoch {number} cannot be committed: {string.Join("; ", problems)}", nameof(commit));
        await _stager.WaitAsync(cancellationToken);
        try
        {
            await EpochWrittenAsync();
            long etagHighWater;
            lock (_gate)
            {
                var next = _stagedEpoch is { } staged ? staged + 1 : 0;
                if (number != next)
                    throw new InvalidOperationException($"epoch {number} cannot be committed: the next epoch to commit is {next}");
                GrainStorage.CheckCanCommit(number);
                StateNodes.CheckFollowsLatest(commit.StateBatch);
                etagHighWater = commit.StateWrites.Select(w => w.ETag).Append(GrainStorage.LastEtag).Append(_etagHighWater).Max();
            }
            StateNodes.Staged(commit.StateBatch);
            GrainStorage.Handed(number, commit.StateWrites);
            lock (_gate)
            {
                _stagedEpoch = number;
                _etagHighWater = etagHighWater;
            }
            // Queued behind the blocks staged before it, and written on the thread pool: SQLite works synchronously,
            // and the caller goes on executing meanwhile.
            var write = WriteEpochAsync(commit, receiptHashes, etagHighWater);
            lock (_gate)
                _epochWrite = write;
            return write;
        }
        finally
        {
            _stager.Release();
        }
    }

    /// <summary>Completes once the epoch write in flight, if any, is durable; throws when the store stopped.</summary>
    public async Task EpochWrittenAsync()
    {
        Task write;
        lock (_gate)
            write = _epochWrite;
        await write.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
            ThrowIfStopped();
    }

    private async Task WriteEpochAsync(EpochCommit commit, IReadOnlyList<Hash256> receiptHashes, long etagHighWater)
    {
        var number = commit.Epoch.Number;
        try
        {
            await WriteAsync(async () =>
            {
                await using var transaction = await _database.BeginAsync(CancellationToken.None);
                await transaction.InsertRowsAsync(EpochTable.Rows(commit.Epoch), CancellationToken.None);
                await transaction.InsertRowsAsync(ReceiptTable.Rows(commit.Receipts, receiptHashes, commit.Transactions), CancellationToken.None);
                await transaction.InsertRowsAsync(GrainStateTable.Rows(number, commit.StateWrites), CancellationToken.None);
                await StateNodes.WriteRowsAsync(transaction, commit.StateBatch, CancellationToken.None);
                await MetaTable.SetAsync(transaction, MetaTable.EtagHighWater, etagHighWater.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
                await transaction.CommitAsync();
            }, inBackground: true);
        }
        catch (Exception e)
        {
            Stop($"writing epoch {number} failed ({e.Message}); the memory is ahead of the database", e);
            throw;
        }
        lock (_gate)
        {
            _executedEpoch = number;
            _executedTransactions += commit.Epoch.ExecutedTransactions;
            _failedTransactions += commit.Epoch.FailedTransactions;
        }
        StateNodes.Written(commit.StateBatch.Version);
        GrainStorage.Written(number);
    }

    // The first failure of a write that memory is ahead of stops the store; later ones keep that reason.
    private void Stop(string reason, Exception cause)
    {
        lock (_gate)
            _stoppedBy ??= new InvalidOperationException(
                $"the ledger store stopped: {reason}, so open the store again to continue from the last durable epoch", cause);
    }

    // Under _gate: once a staged write failed, nothing more may be written.
    private void ThrowIfStopped()
    {
        if (_stoppedBy is { } stopped)
            throw new InvalidOperationException(stopped.Message, stopped.InnerException);
    }
}
