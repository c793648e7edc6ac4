namespace BriOrleans.Grains.State;

/// <summary>
/// Reads, depth by depth, the nodes an update will pass through, before it runs. A node's key names the version
/// that wrote it, which only its parent tells, so the update itself reads one node at a time; a store that keeps
/// its nodes in a database would then answer each node not in its cache with a round trip of its own, in the
/// serial path of every epoch. Here each depth's nodes are asked for together (<see cref="IStateNodeStore.GetNodes"/>):
/// about as many requests as the tree is deep. The update then finds them in the store's cache. Only for a store
/// that reads nodes together (<see cref="IStateNodeStore.ReadsNodesTogether"/>): any other would read each twice.
/// </summary>
internal static class StateTreePrefetch
{
    private readonly record struct Visit(StateNodeRef Node, StateTreePath Path, int From, int To);

    /// <summary>Reads the nodes on the paths of <paramref name="changes"/> (sorted by key) below <paramref name="root"/>.</summary>
    public static void Read(IStateNodeStore store, StateNodeRef? root, StateChange[] changes)
    {
        if (root is not { } top || changes.Length == 0)
            return;
        List<Visit> level = [new Visit(top, StateTreePath.Root, 0, changes.Length)];
        while (level.Count > 0)
        {
            var keys = new StateNodeKey[level.Count];
            for (var i = 0; i < keys.Length; i++)
                keys[i] = new StateNodeKey(level[i].Node.Version, level[i].Path);
            var nodes = store.GetNodes(keys);
            var next = new List<Visit>();
            for (var i = 0; i < keys.Length; i++)
            {
                // A leaf ends its path; a missing or mismatched node is left for the update to report.
                if (nodes[i] is not StateInternalNode inner || level[i].Node.IsLeaf)
                    continue;
                var (_, path, from, to) = level[i];
                var split = from + StateTreeUpdate.SplitAt(changes.AsSpan(from, to - from), path.Depth);
                if (split > from && inner.Left is { } left)
                    next.Add(new Visit(left, path.Child(0), from, split));
                if (split < to && inner.Right is { } right)
                    next.Add(new Visit(right, path.Child(1), split, to));
            }
            level = next;
        }
    }
}
