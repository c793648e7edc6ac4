using BriOrleans.Crypto;
using BriOrleans.Grains.State;

namespace BriOrleans.Storage;

/// <summary>
/// A state-tree node as the node cache holds it: a struct without references, so that the cache's hundreds of
/// thousands of nodes are plain memory to the garbage collector (see <see cref="BoundedCache{TKey,TValue}"/>). A read
/// unpacks it into a fresh <see cref="StateNode"/>, which dies young.
/// </summary>
internal readonly struct CachedStateNode
{
    [Flags]
    private enum Shape : byte
    {
        Leaf = 1,
        HasLeft = 2,
        LeftIsLeaf = 4,
        HasRight = 8,
        RightIsLeaf = 16,
    }

    // A leaf's key and value, or an internal node's left and right child hashes.
    private readonly Hash256 _first;
    private readonly Hash256 _second;
    private readonly ulong _leftVersion;
    private readonly ulong _rightVersion;
    private readonly Shape _shape;

    private CachedStateNode(Hash256 first, Hash256 second, ulong leftVersion, ulong rightVersion, Shape shape)
    {
        _first = first;
        _second = second;
        _leftVersion = leftVersion;
        _rightVersion = rightVersion;
        _shape = shape;
    }

    public static CachedStateNode Of(StateNode node) => node switch
    {
        StateLeafNode leaf => new CachedStateNode(leaf.Key, leaf.Value, 0, 0, Shape.Leaf),
        StateInternalNode inner => new CachedStateNode(
            inner.Left?.Hash ?? default, inner.Right?.Hash ?? default, inner.Left?.Version ?? 0, inner.Right?.Version ?? 0,
            ShapeOf(inner.Left, Shape.HasLeft, Shape.LeftIsLeaf) | ShapeOf(inner.Right, Shape.HasRight, Shape.RightIsLeaf)),
        _ => throw new ArgumentException($"unknown state node type {node.GetType().Name}", nameof(node)),
    };

    public StateNode ToNode() => (_shape & Shape.Leaf) != 0
        ? new StateLeafNode(_first, _second)
        : new StateInternalNode(
            ChildOf(_first, _leftVersion, Shape.HasLeft, Shape.LeftIsLeaf),
            ChildOf(_second, _rightVersion, Shape.HasRight, Shape.RightIsLeaf));

    private static Shape ShapeOf(StateNodeRef? child, Shape present, Shape leaf) =>
        child is { } c ? present | (c.IsLeaf ? leaf : 0) : 0;

    private StateNodeRef? ChildOf(Hash256 hash, ulong version, Shape present, Shape leaf) =>
        (_shape & present) != 0 ? new StateNodeRef(hash, version, (_shape & leaf) != 0) : null;
}
