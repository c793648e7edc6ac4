namespace BriOrleans.Grains.Tests.State;

/// <summary>Every node key reachable from the roots of some versions, walked through the store itself.</summary>
internal static class StoredNodeWalk
{
    public static HashSet<StateNodeKey> Reachable(IStateNodeStore store, params ulong[] versions)
    {
        var seen = new HashSet<StateNodeKey>();
        var pending = new Stack<(StateNodeRef Ref, StateTreePath Path)>();
        foreach (var version in versions)
            if (store.GetRoot(version) is { Node: { } root })
                pending.Push((root, StateTreePath.Root));
        while (pending.Count > 0)
        {
            var (reference, path) = pending.Pop();
            var key = new StateNodeKey(reference.Version, path);
            if (!seen.Add(key))
                continue;
            var node = store.GetNode(key) ?? throw new InvalidOperationException($"node {key} is missing");
            if (node is StateInternalNode inner)
            {
                if (inner.Left is { } left) pending.Push((left, path.Child(0)));
                if (inner.Right is { } right) pending.Push((right, path.Child(1)));
            }
        }
        return seen;
    }
}
