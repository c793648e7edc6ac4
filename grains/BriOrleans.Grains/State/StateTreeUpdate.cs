using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.State;

/// <summary>
/// Computes one version's batch: walks down only the paths the changes touch, and rebuilds each node on
/// them once, children before parents. Untouched subtrees are kept by reference, so the work is the changed
/// leaves times the depth of their paths, whatever the size of the state.
/// </summary>
internal sealed class StateTreeUpdate
{
    private readonly IStateNodeStore _store;
    private readonly ulong _version;
    private readonly List<StateNodeEntry> _written = [];
    private readonly List<StateNodeKey> _stale = [];

    private StateTreeUpdate(IStateNodeStore store, ulong version)
    {
        _store = store;
        _version = version;
    }

    /// <summary>Applies changes, sorted by key with no key twice, to the tree whose root is <paramref name="baseRoot"/>.</summary>
    public static StateTreeBatch Compute(IStateNodeStore store, StateTreeRoot? baseRoot, ulong version, StateChange[] changes)
    {
        var update = new StateTreeUpdate(store, version);
        var outcome = update.Apply(baseRoot?.Node, StateTreePath.Root, changes);
        var root = update.Place(outcome, StateTreePath.Root);
        return new StateTreeBatch(version, baseRoot?.Version, root, update._written, update._stale);
    }

    /// <summary>A leaf of the new state, with its hash when it is already known (an existing leaf that moves).</summary>
    private readonly record struct Leaf(Hash256 Key, Hash256 Value, Hash256? KnownHash);

    /// <summary>
    /// What a subtree becomes: empty, a node already in the store at this path (untouched, or just written),
    /// or a single leaf not yet written, because it rises to wherever its empty siblings stop.
    /// </summary>
    private readonly record struct Outcome(StateNodeRef? Stored, Leaf? Loose)
    {
        public static Outcome Empty => default;
        public bool IsEmpty => Stored is null && Loose is null;
        public bool IsSingleLeaf => Loose is not null || Stored is { IsLeaf: true };
    }

    private Outcome Apply(StateNodeRef? existing, StateTreePath path, ReadOnlySpan<StateChange> changes)
    {
        if (existing is not { } current)
            return Build(path, Upserts(changes));
        var node = StateTreeReader.Read(_store, current, path);
        if (node is StateLeafNode leaf)
            return ApplyToLeaf(current, leaf, path, changes);

        var inner = (StateInternalNode)node;
        var split = SplitAt(changes, path.Depth);
        var left = split == 0 ? Kept(inner.Left) : Apply(inner.Left, path.Child(0), changes[..split]);
        var right = split == changes.Length ? Kept(inner.Right) : Apply(inner.Right, path.Child(1), changes[split..]);
        if (left.Loose is null && left.Stored == inner.Left && right.Loose is null && right.Stored == inner.Right)
            return Kept(current);
        _stale.Add(new StateNodeKey(current.Version, path));
        return Combine(path, left, right);
    }

    private Outcome ApplyToLeaf(StateNodeRef current, StateLeafNode leaf, StateTreePath path, ReadOnlySpan<StateChange> changes)
    {
        var leaves = new List<Leaf>(changes.Length + 1);
        var replaced = false;
        foreach (var change in changes)
        {
            // The changes are sorted, so the existing leaf goes in just before the first larger key.
            if (!replaced && change.Key >= leaf.Key)
            {
                replaced = true;
                if (change.Key != leaf.Key)
                    leaves.Add(new Leaf(leaf.Key, leaf.Value, current.Hash));
            }
            if (change.Value is { } value)
                leaves.Add(new Leaf(change.Key, value, change.Key == leaf.Key && value == leaf.Value ? current.Hash : null));
        }
        if (!replaced)
            leaves.Add(new Leaf(leaf.Key, leaf.Value, current.Hash));
        if (leaves is [var only] && only.Key == leaf.Key && only.Value == leaf.Value)
            return Kept(current);
        _stale.Add(new StateNodeKey(current.Version, path));
        return Build(path, leaves.ToArray());
    }

    private Outcome Build(StateTreePath path, ReadOnlySpan<Leaf> leaves)
    {
        if (leaves.IsEmpty)
            return Outcome.Empty;
        if (leaves.Length == 1)
            return new Outcome(null, leaves[0]);
        var split = SplitAt(leaves, path.Depth);
        return Combine(path, Build(path.Child(0), leaves[..split]), Build(path.Child(1), leaves[split..]));
    }

    // The subtree at path is new: it collapses into a lone leaf or nothing, or becomes an internal node here.
    private Outcome Combine(StateTreePath path, Outcome left, Outcome right)
    {
        if (left.IsEmpty && (right.IsEmpty || right.IsSingleLeaf))
            return Loosen(right, path.Child(1));
        if (right.IsEmpty && left.IsSingleLeaf)
            return Loosen(left, path.Child(0));
        var node = new StateInternalNode(Place(left, path.Child(0)), Place(right, path.Child(1)));
        var hash = StateTreeScheme.InternalHash(node.Left?.Hash ?? Hash256.Zero, node.Right?.Hash ?? Hash256.Zero);
        _written.Add(new StateNodeEntry(new StateNodeKey(_version, path), node));
        return Kept(new StateNodeRef(hash, _version, IsLeaf: false));
    }

    // A lone leaf rises to its parent's path; if it was stored at its old path, that copy is now stale.
    private Outcome Loosen(Outcome outcome, StateTreePath path)
    {
        if (outcome.Stored is not { } stored)
            return outcome;
        var leaf = (StateLeafNode)StateTreeReader.Read(_store, stored, path);
        _stale.Add(new StateNodeKey(stored.Version, path));
        return new Outcome(null, new Leaf(leaf.Key, leaf.Value, stored.Hash));
    }

    private StateNodeRef? Place(Outcome outcome, StateTreePath path)
    {
        if (outcome.Loose is not { } leaf)
            return outcome.Stored;
        var hash = leaf.KnownHash ?? StateTreeScheme.LeafHash(leaf.Key, leaf.Value);
        _written.Add(new StateNodeEntry(new StateNodeKey(_version, path), new StateLeafNode(leaf.Key, leaf.Value)));
        return new StateNodeRef(hash, _version, IsLeaf: true);
    }

    private static Outcome Kept(StateNodeRef? stored) => new(stored, null);

    private static Leaf[] Upserts(ReadOnlySpan<StateChange> changes)
    {
        var leaves = new List<Leaf>(changes.Length);
        foreach (var change in changes)
            if (change.Value is { } value)
                leaves.Add(new Leaf(change.Key, value, null));
        return leaves.ToArray();
    }

    // Every key below a node shares its first depth bits, so sorted keys with bit 0 at depth come first.
    internal static int SplitAt(ReadOnlySpan<StateChange> changes, int depth)
    {
        int low = 0, high = changes.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (StateTreeScheme.BitAt(changes[mid].Key, depth) == 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static int SplitAt(ReadOnlySpan<Leaf> leaves, int depth)
    {
        int low = 0, high = leaves.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (StateTreeScheme.BitAt(leaves[mid].Key, depth) == 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
