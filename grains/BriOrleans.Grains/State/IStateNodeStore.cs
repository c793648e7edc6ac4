namespace BriOrleans.Grains.State;

/// <summary>
/// Where the state tree keeps its versions: roots by version, immutable nodes by <see cref="StateNodeKey"/>,
/// and for each version the older nodes it made stale. Nodes are keyed by (version, path) rather than by hash
/// because two versions may hold identical subtrees: content-addressed nodes would need reference counts to be
/// pruned, whereas a (version, path) node is written by one version and made stale by at most one. A database
/// store keeps three tables (roots, nodes, stale nodes) and applies each method in the transaction of the
/// epoch it belongs to.
/// </summary>
public interface IStateNodeStore
{
    /// <summary>The newest retained version, or null before the first batch.</summary>
    ulong? LatestVersion { get; }

    /// <summary>The oldest retained version, or null before the first batch.</summary>
    ulong? OldestVersion { get; }

    /// <summary>The root of a version, or null when the version was never written, rolled back or pruned.</summary>
    StateTreeRoot? GetRoot(ulong version);

    /// <summary>A stored node, or null when no node is stored under that key.</summary>
    StateNode? GetNode(StateNodeKey key);

    /// <summary>
    /// The stored nodes of <paramref name="keys"/>, in order (null where none is stored): what <see cref="GetNode"/>
    /// answers for each, read together where the store can (one database round trip rather than one per node).
    /// </summary>
    IReadOnlyList<StateNode?> GetNodes(IReadOnlyList<StateNodeKey> keys)
    {
        // Node by node: a store that reads many at once cheaper than one by one overrides this and ReadsNodesTogether.
        var nodes = new StateNode?[keys.Count];
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = GetNode(keys[i]);
        return nodes;
    }

    /// <summary>
    /// Whether <see cref="GetNodes"/> reads many nodes cheaper than one by one (a database server: one round trip for
    /// many); only then does an update read its paths ahead, depth by depth, since otherwise it would read each node twice.
    /// </summary>
    bool ReadsNodesTogether => false;

    /// <summary>
    /// Adds a version: its root, its new nodes and its stale-node records. Refuses a batch whose base version is
    /// not the latest retained version, since it was computed on a state the store no longer has on top.
    /// </summary>
    void Write(StateTreeBatch batch);

    /// <summary>Rollback: forgets every version after <paramref name="version"/>, the nodes they wrote and their stale-node records.</summary>
    void RemoveVersionsAfter(ulong version);

    /// <summary>
    /// Pruning: forgets the roots of versions before <paramref name="version"/> and every node stale since a
    /// version at or before it, which no version from <paramref name="version"/> on can reach.
    /// </summary>
    void RemoveVersionsBefore(ulong version);
}
