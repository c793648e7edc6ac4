namespace BriOrleans.Grains.State;

/// <summary>
/// An <see cref="IStateNodeStore"/> in process memory, for tests, benchmarks and nodes that rebuild their state
/// on start. Safe for concurrent readers beside the one writer that executes epochs.
/// </summary>
public sealed class InMemoryStateNodeStore : IStateNodeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StateNodeKey, StateNode> _nodes = [];
    // Versions only grow at the top and shrink at either end: a sorted list reads both ends in O(1).
    private readonly SortedList<ulong, StateTreeRoot> _roots = [];
    // Per version, the keys it wrote (for rollback) and the keys it made stale (for pruning).
    private readonly SortedDictionary<ulong, IReadOnlyList<StateNodeKey>> _written = [];
    private readonly SortedDictionary<ulong, IReadOnlyList<StateNodeKey>> _staleSince = [];

    /// <summary>How many nodes are stored: after pruning, exactly those the retained versions reach.</summary>
    public int NodeCount
    {
        get { lock (_gate) return _nodes.Count; }
    }

    public ulong? LatestVersion
    {
        get { lock (_gate) return _roots.Count == 0 ? null : _roots.Keys[^1]; }
    }

    public ulong? OldestVersion
    {
        get { lock (_gate) return _roots.Count == 0 ? null : _roots.Keys[0]; }
    }

    public StateTreeRoot? GetRoot(ulong version)
    {
        lock (_gate)
            return _roots.TryGetValue(version, out var root) ? root : null;
    }

    public StateNode? GetNode(StateNodeKey key)
    {
        lock (_gate)
            return _nodes.GetValueOrDefault(key);
    }

    public void Write(StateTreeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            ulong? latest = _roots.Count == 0 ? null : _roots.Keys[^1];
            if (batch.BaseVersion != latest)
                throw new InvalidOperationException(
                    $"the batch of version {batch.Version} was computed on version {Show(batch.BaseVersion)} but the latest stored version is {Show(latest)}");
            foreach (var entry in batch.NewNodes)
            {
                if (entry.Key.Version != batch.Version)
                    throw new InvalidOperationException($"the batch of version {batch.Version} writes node {entry.Key} of another version");
                if (!_nodes.TryAdd(entry.Key, entry.Node))
                    throw new InvalidOperationException($"the batch of version {batch.Version} writes node {entry.Key} twice");
            }
            _written[batch.Version] = batch.NewNodes.Select(e => e.Key).ToArray();
            _staleSince[batch.Version] = batch.StaleNodes.ToArray();
            _roots[batch.Version] = batch.Root;
        }
    }

    public void RemoveVersionsAfter(ulong version)
    {
        lock (_gate)
        {
            foreach (var later in _roots.Keys.Where(v => v > version).ToList())
            {
                foreach (var key in _written[later])
                    _nodes.Remove(key);
                _written.Remove(later);
                _staleSince.Remove(later);
                _roots.Remove(later);
            }
        }
    }

    public void RemoveVersionsBefore(ulong version)
    {
        lock (_gate)
        {
            foreach (var since in _staleSince.Keys.Where(v => v <= version).ToList())
            {
                foreach (var key in _staleSince[since])
                    _nodes.Remove(key);
                _staleSince.Remove(since);
            }
            // Rollback never goes below the oldest retained version, so older write records are not needed.
            foreach (var earlier in _roots.Keys.Where(v => v < version).ToList())
            {
                _written.Remove(earlier);
                _roots.Remove(earlier);
            }
        }
    }

    private static string Show(ulong? version) => version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
