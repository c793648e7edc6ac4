using BriOrleans.Crypto;

namespace BriOrleans.Grains.State;

/// <summary>A stored node of the state tree: a <see cref="StateLeafNode"/> or a <see cref="StateInternalNode"/>.</summary>
public abstract record StateNode;

/// <summary>A leaf: the only key in its subtree, with the value hash committed for it.</summary>
public sealed record StateLeafNode(Hash256 Key, Hash256 Value) : StateNode;

/// <summary>An internal node: a subtree of two or more leaves, split on the bit at its depth.</summary>
public sealed record StateInternalNode : StateNode
{
    public StateInternalNode(StateNodeRef? left, StateNodeRef? right)
    {
        // A lone leaf, or nothing, is stored in place of its parent: the tree is path-compressed.
        var holdsTwoLeaves = (left, right) switch
        {
            (not null, not null) => true,
            ({ IsLeaf: false }, null) or (null, { IsLeaf: false }) => true,
            _ => false,
        };
        if (!holdsTwoLeaves)
            throw new ArgumentException("an internal node holds two children, or one internal child beside an empty side");
        Left = left;
        Right = right;
    }

    /// <summary>The subtree of keys whose bit at this depth is 0, or null when it is empty.</summary>
    public StateNodeRef? Left { get; }

    /// <summary>The subtree of keys whose bit at this depth is 1, or null when it is empty.</summary>
    public StateNodeRef? Right { get; }

    public StateNodeRef? Child(int bit) => bit == 0 ? Left : Right;
}
