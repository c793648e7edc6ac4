using System.Data.Common;
using System.Globalization;
using BriOrleans.Crypto;
using BriOrleans.Grains.State;

namespace BriOrleans.Storage;

/// <summary>
/// The state tree's versions in the ledger database (tables state_roots, state_nodes, state_stale_versions), with the
/// most recently used nodes cached: a tree update reads the nodes on its paths, which recent epochs wrote. The
/// <see cref="LedgerStore"/> writes a version in its epoch's transaction and rolls versions back in its rollback's;
/// the synchronous <see cref="IStateNodeStore"/> methods run in transactions of their own, and the memory follows
/// the database only after their commit. The ledger's epochs are pipelined instead: a version is
/// <see cref="Staged"/> (readable, its nodes held in memory beyond the cache's reach) before its transaction
/// commits, and <see cref="Written"/> after. One writer; readers alongside.
/// </summary>
public sealed class DatabaseStateNodeStore : IStateNodeStore, IAsyncDisposable
{
    private readonly LedgerDatabase _database;
    private readonly Lock _gate = new();
    private readonly BoundedCache<StateNodeKey, CachedStateNode> _nodes;
    private readonly BoundedCache<ulong, StateTreeRoot> _roots = new(1024);
    private ulong? _oldest;
    private ulong? _latest;
    // The version staged but not yet written: its nodes must stay readable even when the cache evicts them.
    private StateTreeBatch? _unwritten;
    private Dictionary<StateNodeKey, StateNode>? _unwrittenNodes;
    // Reads that miss the cache share one connection: the tree reads node by node, one at a time.
    private readonly Lock _readerGate = new();
    private DbConnection? _reader;

    private DatabaseStateNodeStore(LedgerDatabase database, int nodeCacheCapacity, (ulong? Oldest, ulong? Latest) versions)
    {
        _database = database;
        _nodes = new BoundedCache<StateNodeKey, CachedStateNode>(nodeCacheCapacity);
        (_oldest, _latest) = versions;
    }

    public const int DefaultNodeCacheCapacity = 1 << 18;

    public static async Task<DatabaseStateNodeStore> OpenAsync(
        LedgerDatabase database, int nodeCacheCapacity = DefaultNodeCacheCapacity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var versions = await database.QueryAsync(RetainedVersionsSql, ReadRetainedVersions, cancellationToken);
        return new DatabaseStateNodeStore(database, nodeCacheCapacity, versions[0]);
    }

    public ulong? LatestVersion
    {
        get { lock (_gate) return _latest; }
    }

    public ulong? OldestVersion
    {
        get { lock (_gate) return _oldest; }
    }

    /// <summary>How many nodes the database holds: after pruning, exactly those the retained versions reach.</summary>
    public long NodeCount => ReadOnce(connection => connection.Query("SELECT COUNT(*) FROM state_nodes", r => r.GetInt64(0))[0]);

    public StateTreeRoot? GetRoot(ulong version)
    {
        lock (_gate)
        {
            if (_latest is not { } latest || version > latest || version < _oldest)
                return null;
            if (_roots.TryGet(version, out var cached))
                return cached;
            if (_unwritten is { } unwritten && unwritten.Version == version)
                return unwritten.Root;
        }
        var rows = ReadOnce(connection => connection.Query(
            "SELECT version, node_hash, node_version, node_is_leaf FROM state_roots WHERE version = @version", ReadRoot,
            ("version", DbValues.Ordered(version, "version"))));
        if (rows.Count == 0)
            return null;
        lock (_gate)
            _roots.Set(version, rows[0]);
        return rows[0];
    }

    public StateNode? GetNode(StateNodeKey key)
    {
        lock (_gate)
        {
            if (InMemory(key) is { } held)
                return held;
        }
        return ReadOne(key);
    }

    /// <summary>The node from the cache, or from the staged version not yet written; null when the database must be read. Under <see cref="_gate"/>.</summary>
    private StateNode? InMemory(StateNodeKey key)
    {
        if (_nodes.TryGet(key, out var cached))
            return cached.ToNode();
        return _unwrittenNodes is not null && _unwrittenNodes.TryGetValue(key, out var unwritten) ? unwritten : null;
    }

    /// <summary>Reads one node from the database and caches it; null when none is stored under the key.</summary>
    private StateNode? ReadOne(StateNodeKey key)
    {
        var rows = ReadOnce(connection => connection.Query(
            "SELECT node FROM state_nodes WHERE version = @version AND depth = @depth AND prefix = @prefix",
            r => StateNodeCodec.Decode(r.Bytes(0)),
            ("version", DbValues.Ordered(key.Version, "version")), ("depth", (long)key.Path.Depth), ("prefix", key.Path.Prefix.ToArray())));
        if (rows.Count == 0)
            return null;
        lock (_gate)
            _nodes.Set(key, CachedStateNode.Of(rows[0]));
        return rows[0];
    }

    /// <summary>On a server, nodes are read a statement per <see cref="NodesPerRead"/> keys; SQLite reads in-process, node by node.</summary>
    public bool ReadsNodesTogether => _database.Dialect.HasLateralJoins;

    /// <summary>
    /// The nodes of <paramref name="keys"/>: from the cache where it has them, and the rest from the database, with
    /// one statement per <see cref="NodesPerRead"/> keys on a server (each a round trip); SQLite reads in-process,
    /// node by node.
    /// </summary>
    public IReadOnlyList<StateNode?> GetNodes(IReadOnlyList<StateNodeKey> keys)
    {
        var nodes = new StateNode?[keys.Count];
        var missing = new List<int>();
        lock (_gate)
        {
            for (var i = 0; i < nodes.Length; i++)
                if ((nodes[i] = InMemory(keys[i])) is null)
                    missing.Add(i);
        }
        if (!ReadsNodesTogether)
        {
            foreach (var i in missing)
                nodes[i] = ReadOne(keys[i]);
            return nodes;
        }
        for (var first = 0; first < missing.Count; first += NodesPerRead)
        {
            var count = Math.Min(NodesPerRead, missing.Count - first);
            var parameters = new (string Name, object Value)[4 * count];
            for (var r = 0; r < count; r++)
            {
                var key = keys[missing[first + r]];
                var row = r.ToString(CultureInfo.InvariantCulture);
                parameters[4 * r] = ("i" + row, (long)(first + r));
                parameters[4 * r + 1] = ("v" + row, DbValues.Ordered(key.Version, "version"));
                parameters[4 * r + 2] = ("d" + row, (long)key.Path.Depth);
                parameters[4 * r + 3] = ("p" + row, key.Path.Prefix.ToArray());
            }
            var rows = ReadOnce(connection => connection.Query(
                $"SELECT w.i, n.node FROM (VALUES {Statements.ValueRows(count, "i", "v", "d", "p")}) AS w(i, version, depth, prefix) " +
                "CROSS JOIN LATERAL (SELECT node FROM state_nodes WHERE version = w.version AND depth = w.depth AND prefix = w.prefix) n",
                r => (Index: (int)r.GetInt64(0), Node: StateNodeCodec.Decode(r.Bytes(1))), parameters));
            lock (_gate)
            {
                foreach (var (index, node) in rows)
                {
                    var at = missing[index];
                    nodes[at] = node;
                    _nodes.Set(keys[at], CachedStateNode.Of(node));
                }
            }
        }
        return nodes;
    }

    /// <summary>Keys per statement of <see cref="GetNodes"/>: four parameters each, far below the servers' limits.</summary>
    internal const int NodesPerRead = 1000;

    /// <summary>Writes a version in a transaction of its own (the ledger writes epochs through <see cref="LedgerStore.CommitEpochAsync"/>).</summary>
    public void Write(StateTreeBatch batch) => WriteAsync(batch, CancellationToken.None).GetAwaiter().GetResult();

    public async Task WriteAsync(StateTreeBatch batch, CancellationToken cancellationToken)
    {
        CheckFollowsLatest(batch);
        await using var transaction = await _database.BeginAsync(cancellationToken);
        await WriteRowsAsync(transaction, batch, cancellationToken);
        await transaction.CommitAsync();
        Applied(batch);
    }

    public void RemoveVersionsAfter(ulong version) => RemoveVersionsAfterAsync(version, CancellationToken.None).GetAwaiter().GetResult();

    public async Task RemoveVersionsAfterAsync(ulong version, CancellationToken cancellationToken)
    {
        await using var transaction = await _database.BeginAsync(cancellationToken);
        var retained = await DeleteVersionsAfterAsync(transaction, version, cancellationToken);
        await transaction.CommitAsync();
        RemovedAfter(version, retained);
    }

    public void RemoveVersionsBefore(ulong version) => RemoveVersionsBeforeAsync(version, CancellationToken.None).GetAwaiter().GetResult();

    public async Task RemoveVersionsBeforeAsync(ulong version, CancellationToken cancellationToken)
    {
        await using var transaction = await _database.BeginAsync(cancellationToken);
        var oldest = await DeleteVersionsBeforeAsync(transaction, version, cancellationToken);
        await transaction.CommitAsync();
        RemovedBefore(version, oldest);
    }

    /// <summary>Refuses a batch that was not computed on the latest stored version, before any transaction starts.</summary>
    internal void CheckFollowsLatest(StateTreeBatch batch)
    {
        var latest = LatestVersion;
        if (batch.BaseVersion != latest)
            throw new InvalidOperationException(
                $"the state batch of version {batch.Version} was computed on version {Show(batch.BaseVersion)} but the latest stored version is {Show(latest)}");
        foreach (var entry in batch.NewNodes)
            if (entry.Key.Version != batch.Version)
                throw new InvalidOperationException($"the state batch of version {batch.Version} writes node {entry.Key} of another version");
    }

    /// <summary>Inserts a version's rows; the caller checked that it follows the latest version (<see cref="CheckFollowsLatest"/>).</summary>
    internal async Task WriteRowsAsync(LedgerTransaction transaction, StateTreeBatch batch, CancellationToken cancellationToken)
    {
        var version = DbValues.Ordered(batch.Version, "version");
        var root = batch.Root.Node;
        var roots = new RowSet("state_roots",
            new("version", ColumnType.Integer), new("node_hash", ColumnType.Blob), new("node_version", ColumnType.Integer), new("node_is_leaf", ColumnType.Integer));
        roots.Add(version, root?.Hash.ToArray(), root is { } r ? DbValues.Ordered(r.Version, "version") : null, root is { } l ? (l.IsLeaf ? 1L : 0L) : null);
        var nodes = new RowSet("state_nodes",
            new("version", ColumnType.Integer), new("depth", ColumnType.Integer), new("prefix", ColumnType.Blob), new("node", ColumnType.Blob));
        foreach (var entry in batch.NewNodes)
            nodes.Add(version, (long)entry.Key.Path.Depth, entry.Key.Path.Prefix.ToArray(), StateNodeCodec.Encode(entry.Node));
        var stale = new RowSet("state_stale_versions", new("stale_since", ColumnType.Integer), new("nodes", ColumnType.Blob));
        if (batch.StaleNodes.Count > 0)
            stale.Add(version, StaleNodeList.Encode(
                [.. batch.StaleNodes.Select(key => new StoredNodeKey(DbValues.Ordered(key.Version, "version"), key.Path.Depth, key.Path.Prefix.ToArray()))]));
        await transaction.InsertRowsAsync(roots, cancellationToken);
        await transaction.InsertRowsAsync(nodes, cancellationToken);
        await transaction.InsertRowsAsync(stale, cancellationToken);
    }

    /// <summary>Before the transaction that writes <paramref name="batch"/> commits: the version is the latest, and readable, from now on.</summary>
    internal void Staged(StateTreeBatch batch)
    {
        lock (_gate)
        {
            if (_unwritten is { } pending)
                throw new InvalidOperationException($"version {pending.Version} is not written yet; version {batch.Version} cannot be staged on it");
            _unwritten = batch;
            _unwrittenNodes = new Dictionary<StateNodeKey, StateNode>(batch.NewNodes.Count);
            foreach (var entry in batch.NewNodes)
                _unwrittenNodes[entry.Key] = entry.Node;
        }
        Applied(batch);
    }

    /// <summary>After the transaction that wrote the staged <paramref name="version"/> committed: the database serves its nodes now.</summary>
    internal void Written(ulong version)
    {
        lock (_gate)
        {
            if (_unwritten?.Version != version)
                throw new InvalidOperationException($"version {version} is not the staged version");
            _unwritten = null;
            _unwrittenNodes = null;
        }
    }

    /// <summary>After the transaction that wrote <paramref name="batch"/> committed.</summary>
    internal void Applied(StateTreeBatch batch)
    {
        lock (_gate)
        {
            _latest = batch.Version;
            _oldest ??= batch.Version;
            _roots.Set(batch.Version, batch.Root);
            foreach (var entry in batch.NewNodes)
                _nodes.Set(entry.Key, CachedStateNode.Of(entry.Node));
            // A node the new version replaced is read again only for an older version: left in the cache, the
            // replaced nodes would crowd out the live tree, and updates would go to the database for its nodes.
            foreach (var key in batch.StaleNodes)
                _nodes.Remove(key);
        }
    }

    /// <summary>Deletes every version after <paramref name="version"/>; returns the retained range as the transaction now sees it.</summary>
    internal static async Task<(ulong? Oldest, ulong? Latest)> DeleteVersionsAfterAsync(
        LedgerTransaction transaction, ulong version, CancellationToken cancellationToken)
    {
        var v = DbValues.Ordered(version, "version");
        await transaction.ExecuteAsync("DELETE FROM state_nodes WHERE version > @v", cancellationToken, ("v", v));
        await transaction.ExecuteAsync("DELETE FROM state_stale_versions WHERE stale_since > @v", cancellationToken, ("v", v));
        await transaction.ExecuteAsync("DELETE FROM state_stale_nodes WHERE stale_since > @v", cancellationToken, ("v", v));
        await transaction.ExecuteAsync("DELETE FROM state_roots WHERE version > @v", cancellationToken, ("v", v));
        return (await transaction.QueryAsync(RetainedVersionsSql, ReadRetainedVersions, cancellationToken))[0];
    }

    /// <summary>After the transaction that deleted the versions after <paramref name="version"/> committed.</summary>
    internal void RemovedAfter(ulong version, (ulong? Oldest, ulong? Latest) retained)
    {
        lock (_gate)
        {
            (_oldest, _latest) = retained;
            // Re-execution writes these keys again with other contents: no copy of them may survive.
            _nodes.RemoveWhere(key => key.Version > version);
            _roots.RemoveWhere(v => v > version);
        }
    }

    /// <summary>Deletes the versions before <paramref name="version"/> and the nodes stale since it or earlier; returns the oldest version left.</summary>
    internal static async Task<ulong?> DeleteVersionsBeforeAsync(LedgerTransaction transaction, ulong version, CancellationToken cancellationToken)
    {
        var v = DbValues.Ordered(version, "version");
        var lists = await transaction.QueryAsync("SELECT nodes FROM state_stale_versions WHERE stale_since <= @v", r => r.Bytes(0), cancellationToken, ("v", v));
        await transaction.ExecuteChunkedAsync(
            count => $"DELETE FROM state_nodes WHERE (version, depth, prefix) IN (VALUES {Statements.ValueRows(count, "version", "depth", "prefix")})",
            ["version", "depth", "prefix"],
            [.. lists.SelectMany(list => StaleNodeList.Decode(list)).Select(key => new object[] { key.Version, key.Depth, key.Prefix })],
            cancellationToken);
        await transaction.ExecuteAsync("DELETE FROM state_stale_versions WHERE stale_since <= @v", cancellationToken, ("v", v));
        // Nodes made stale while the database was at schema version 1 are listed one per row.
        await transaction.ExecuteAsync(
            "DELETE FROM state_nodes WHERE (version, depth, prefix) IN (SELECT version, depth, prefix FROM state_stale_nodes WHERE stale_since <= @v)",
            cancellationToken, ("v", v));
        await transaction.ExecuteAsync("DELETE FROM state_stale_nodes WHERE stale_since <= @v", cancellationToken, ("v", v));
        await transaction.ExecuteAsync("DELETE FROM state_roots WHERE version < @v", cancellationToken, ("v", v));
        return (await transaction.QueryAsync(RetainedVersionsSql, ReadRetainedVersions, cancellationToken))[0].Oldest;
    }

    /// <summary>After the transaction that deleted the versions before <paramref name="version"/> committed.</summary>
    internal void RemovedBefore(ulong version, ulong? oldest)
    {
        // Pruned nodes are unreachable from every retained root and their keys are never written again, so
        // cached copies are only dead weight that the cache's own eviction clears.
        lock (_gate)
        {
            _oldest = oldest;
            _roots.RemoveWhere(r => r < version);
        }
    }

    private const string RetainedVersionsSql = "SELECT MIN(version), MAX(version) FROM state_roots";

    private static (ulong? Oldest, ulong? Latest) ReadRetainedVersions(DbDataReader r) =>
        r.IsDBNull(0) ? (null, null) : ((ulong)r.GetInt64(0), (ulong)r.GetInt64(1));

    private static StateTreeRoot ReadRoot(DbDataReader r) => new(
        (ulong)r.GetInt64(0),
        r.IsDBNull(1) ? null : new StateNodeRef(new Hash256(r.Bytes(1)), (ulong)r.GetInt64(2), r.GetInt64(3) != 0));

    private T ReadOnce<T>(Func<DbConnection, T> read)
    {
        lock (_readerGate)
        {
            _reader ??= _database.Dialect.OpenConnection();
            return read(_reader);
        }
    }

    private static string Show(ulong? version) => version?.ToString(CultureInfo.InvariantCulture) ?? "none";

    public async ValueTask DisposeAsync()
    {
        DbConnection? reader;
        lock (_readerGate)
        {
            reader = _reader;
            _reader = null;
        }
        if (reader is not null)
            await reader.DisposeAsync();
    }
}
