using System.Globalization;
using BriOrleans.GrainHost;

namespace BriOrleans.Storage;

/// <summary>
/// The grain-state provider of the ledger (registered as <see cref="ProviderName"/>), versioned by epoch. While an
/// epoch executes (<see cref="BeginEpoch"/>), writes and clears are staged in memory; reads see staged state first,
/// then committed state (cached, since grains read on every activation). <see cref="TakeStagedWrites"/> hands the
/// epoch's last write per record to its <see cref="EpochCommit"/>; once the <see cref="LedgerStore"/> has staged the
/// commit they are the committed state (held in memory until the commit is written, since the next epoch executes
/// on them meanwhile), and <see cref="AbandonEpoch"/> drops them when execution failed midway.
/// ETags are numbers from one counter that the database remembers and rollback never lowers, so an ETag never
/// repeats, not even for a write that was rolled back or abandoned. Before the first commit, writes without
/// <see cref="BeginEpoch"/> are staged in epoch 0: genesis seeding. Outside an epoch afterwards they are refused,
/// since state changed outside execution would be missing from the state root.
/// </summary>
public sealed class LedgerGrainStorage : IGrainStorage
{
    /// <summary>The name the node registers this provider under.</summary>
    public const string ProviderName = "ledger";

    // Keys loaded before they enter the cache (each lookup chunks them again as its database prefers).
    private const int PrefetchChunk = 512;

    private readonly LedgerDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly Lock _gate = new();
    private readonly BoundedCache<GrainStateRecordKey, CommittedGrainState> _committed;
    private readonly Dictionary<GrainStateRecordKey, GrainStateWrite> _staged = [];
    // The writes of the epoch handed to the store but not yet written: the cache may evict them, this may not.
    private Dictionary<GrainStateRecordKey, CommittedGrainState>? _unwritten;
    private ulong? _unwrittenEpoch;
    private ulong? _executedEpoch;
    private ulong? _epoch;
    private bool _handedOver;
    private long _lastEtag;
    // Bumped by hand-over and rollback: a row loaded from the database before either may not enter the cache after it.
    private long _generation;

    internal LedgerGrainStorage(LedgerDatabase database, IGrainStorageSerializer serializer, int cacheCapacity, ulong? executedEpoch, long lastEtag)
    {
        _database = database;
        _serializer = serializer;
        _committed = new BoundedCache<GrainStateRecordKey, CommittedGrainState>(cacheCapacity);
        _executedEpoch = executedEpoch;
        _lastEtag = lastEtag;
    }

    /// <summary>The epoch whose writes are being staged, or null.</summary>
    public ulong? EpochInProgress
    {
        get { lock (_gate) return _epoch; }
    }

    internal long LastEtag
    {
        get { lock (_gate) return _lastEtag; }
    }

    /// <summary>Starts staging the writes of <paramref name="epoch"/>, which must follow the executed epoch.</summary>
    public void BeginEpoch(ulong epoch)
    {
        lock (_gate)
        {
            if (_epoch is { } open)
                throw new InvalidOperationException($"epoch {open} is still in progress: commit it or abandon it before beginning epoch {epoch}");
            var next = _executedEpoch is { } executed ? executed + 1 : 0;
            if (epoch != next)
                throw new ArgumentException($"the next epoch to execute is {next}, not {epoch}", nameof(epoch));
            _epoch = epoch;
            _handedOver = false;
        }
    }

    /// <summary>
    /// The epoch's writes, the last per record, ordered by grain type, grain key and state name (ordinal). From now
    /// on the epoch takes no more writes; its staged state stays readable until it is committed or abandoned.
    /// </summary>
    public IReadOnlyList<GrainStateWrite> TakeStagedWrites()
    {
        lock (_gate)
        {
            if (_epoch is null)
                throw new InvalidOperationException("no epoch is in progress: there are no staged writes to take");
            _handedOver = true;
            return _staged.Values
                .OrderBy(w => w.GrainId.Type, StringComparer.Ordinal)
                .ThenBy(w => w.GrainId.Key, StringComparer.Ordinal)
                .ThenBy(w => w.StateName, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Drops the staged writes of the epoch in progress (its execution failed); does nothing when none is.</summary>
    public void AbandonEpoch()
    {
        lock (_gate)
        {
            _staged.Clear();
            _epoch = null;
            _handedOver = false;
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = new GrainStateRecordKey(grainId, stateName);
        CommittedGrainState? record;
        long generation;
        lock (_gate)
        {
            record = Current(key);
            generation = _generation;
        }
        if (record is null)
        {
            record = await GrainStateTable.LoadLatestAsync(_database, key, CancellationToken.None);
            lock (_gate)
                CacheLoaded(key, record, generation);
        }
        if (record.Payload is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = _serializer.Deserialize<T>(record.Payload)!;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
    }

    /// <summary>
    /// Loads the committed records of many grains in a few queries and caches them, absent ones too, so that an
    /// epoch about to touch them reads memory rather than one database round trip per new grain. A hint only:
    /// what a read returns is the same with or without it. Records staged or cached already are not asked for.
    /// </summary>
    public async Task PrefetchAsync(IEnumerable<(GrainId Grain, string StateName)> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<GrainStateRecordKey> missing;
        long generation;
        lock (_gate)
        {
            missing = [.. records.Select(r => new GrainStateRecordKey(r.Grain, r.StateName)).Distinct().Where(k => Current(k) is null)];
            generation = _generation;
        }
        foreach (var group in missing.GroupBy(k => (k.GrainId.Type, k.StateName)))
        {
            foreach (var chunk in group.Chunk(PrefetchChunk))
            {
                var loaded = await GrainStateTable.LoadLatestAsync(_database, group.Key.Type, group.Key.StateName,
                    [.. chunk.Select(k => k.GrainId.Key)], cancellationToken);
                lock (_gate)
                    foreach (var key in chunk)
                        CacheLoaded(key, loaded.GetValueOrDefault(key.GrainId.Key) ?? CommittedGrainState.None, generation);
            }
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State);
        grainState.ETag = await StageAsync(new GrainStateRecordKey(grainId, stateName), grainState.ETag, payload);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await StageAsync(new GrainStateRecordKey(grainId, stateName), grainState.ETag, payload: null);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    // Checks the caller's ETag against the record's latest staged or committed ETag and stages the change atomically.
    private async Task<string> StageAsync(GrainStateRecordKey key, string? expected, byte[]? payload)
    {
        GrainStateKey.CheckStateName(key.StateName);
        while (true)
        {
            long generation;
            lock (_gate)
            {
                CheckOpenForWrites(key, payload is null ? "clear" : "write");
                if (Current(key) is { } current)
                    return Stage(key, expected, current.ETag, payload);
                generation = _generation;
            }
            var loaded = await GrainStateTable.LoadLatestAsync(_database, key, CancellationToken.None);
            lock (_gate)
            {
                CheckOpenForWrites(key, payload is null ? "clear" : "write");
                if (Current(key) is { } current)
                    return Stage(key, expected, current.ETag, payload);
                if (generation == _generation)
                    return Stage(key, expected, loaded.ETag, payload);
            }
        }
    }

    private void CheckOpenForWrites(GrainStateRecordKey key, string operation)
    {
        if (_epoch is null)
        {
            if (_executedEpoch is not null)
                throw new InvalidOperationException(
                    $"cannot {operation} state '{key.StateName}' of grain {key.GrainId} outside an epoch: the ledger's state changes only " +
                    "while an epoch executes (BeginEpoch), so that every change is in the state root");
            _epoch = 0;
        }
        if (_handedOver)
            throw new InvalidOperationException(
                $"cannot {operation} state '{key.StateName}' of grain {key.GrainId}: the writes of epoch {_epoch} were already handed to its commit");
    }

    private string Stage(GrainStateRecordKey key, string? expected, string? stored, byte[]? payload)
    {
        if (stored != expected)
            throw new InconsistentStateException(
                $"cannot {(payload is null ? "clear" : "write")} state '{key.StateName}' of grain {key.GrainId}: the grain holds ETag " +
                $"'{expected ?? "(no record)"}' but storage holds '{stored ?? "(no record)"}'; another activation wrote it since it was read",
                stored, expected);
        var etag = ++_lastEtag;
        _staged[key] = new GrainStateWrite(key.GrainId, key.StateName, payload, etag);
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    // The record as this epoch sees it: staged, else committed when cached; null when the database must be asked.
    private CommittedGrainState? Current(GrainStateRecordKey key)
    {
        if (_staged.TryGetValue(key, out var staged))
            return RecordOf(staged);
        if (_unwritten is not null && _unwritten.TryGetValue(key, out var unwritten))
            return unwritten;
        return _committed.TryGet(key, out var committed) ? committed : null;
    }

    private static CommittedGrainState RecordOf(GrainStateWrite write) =>
        write.Payload is null ? CommittedGrainState.None : new CommittedGrainState(write.Payload, write.ETag.ToString(CultureInfo.InvariantCulture));

    private void CacheLoaded(GrainStateRecordKey key, CommittedGrainState loaded, long generation)
    {
        // A commit handed over or a rollback since the load began may have made the loaded row stale.
        if (generation == _generation && !_committed.TryGet(key, out _))
            _committed.Set(key, loaded);
    }

    /// <summary>Refuses a commit of another epoch than the one being staged.</summary>
    internal void CheckCanCommit(ulong epoch)
    {
        lock (_gate)
            if (_epoch is { } open && open != epoch)
                throw new InvalidOperationException($"the grain storage is executing epoch {open}; epoch {epoch} cannot be committed meanwhile");
    }

    /// <summary>
    /// When the store took the commit of <paramref name="epoch"/>, before it is written: its writes are the committed
    /// state from now on, and the next epoch may begin.
    /// </summary>
    internal void Handed(ulong epoch, IReadOnlyList<GrainStateWrite> writes)
    {
        lock (_gate)
        {
            if (_unwrittenEpoch is { } pending)
                throw new InvalidOperationException($"epoch {pending} is not written yet; epoch {epoch} cannot be handed over on it");
            _unwritten = new Dictionary<GrainStateRecordKey, CommittedGrainState>(writes.Count);
            _unwrittenEpoch = epoch;
            foreach (var write in writes)
            {
                var key = new GrainStateRecordKey(write.GrainId, write.StateName);
                var record = RecordOf(write);
                _unwritten[key] = record;
                _committed.Set(key, record);
                _lastEtag = Math.Max(_lastEtag, write.ETag);
            }
            // A load that began before this may return a row these writes replace: it must not enter the cache.
            _generation++;
            _executedEpoch = epoch;
            if (_epoch == epoch)
            {
                _staged.Clear();
                _epoch = null;
                _handedOver = false;
            }
        }
    }

    /// <summary>After the transaction of the handed-over <paramref name="epoch"/> committed: the database serves its writes now.</summary>
    internal void Written(ulong epoch)
    {
        lock (_gate)
        {
            if (_unwrittenEpoch != epoch)
                throw new InvalidOperationException($"epoch {epoch} is not the epoch handed over");
            _unwritten = null;
            _unwrittenEpoch = null;
        }
    }

    /// <summary>Refuses a rollback while an epoch is being staged.</summary>
    internal void CheckIdle()
    {
        lock (_gate)
            if (_epoch is { } open)
                throw new InvalidOperationException($"epoch {open} is in progress: commit or abandon it before rolling back");
    }

    /// <summary>After the rollback to <paramref name="epoch"/> committed: every cached record may be newer than the state now.</summary>
    internal void RolledBack(ulong epoch)
    {
        lock (_gate)
        {
            _committed.Clear();
            _generation++;
            _executedEpoch = epoch;
        }
    }
}
