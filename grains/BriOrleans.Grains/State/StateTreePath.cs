using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.State;

/// <summary>
/// Where a node sits in the state tree: its depth and the first <see cref="Depth"/> bits of every key below
/// it, held in <see cref="Prefix"/> with all later bits zero (a store keeps the pair as two columns).
/// </summary>
public readonly record struct StateTreePath
{
    public StateTreePath(Hash256 prefix, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, StateTreeScheme.MaxDepth);
        if (Of(prefix, depth).Prefix != prefix)
            throw new ArgumentException($"a path of depth {depth} has only zero bits after its first {depth}, got {prefix}", nameof(prefix));
        Prefix = prefix;
        Depth = depth;
    }

    private StateTreePath(Hash256 prefix, int depth, bool _)
    {
        Prefix = prefix;
        Depth = depth;
    }

    /// <summary>The path of the root: depth 0.</summary>
    public static StateTreePath Root => default;

    public Hash256 Prefix { get; }

    public int Depth { get; }

    /// <summary>The path of the node at <paramref name="depth"/> on the way to <paramref name="key"/>.</summary>
    public static StateTreePath Of(Hash256 key, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, StateTreeScheme.MaxDepth);
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        key.WriteTo(bytes);
        var whole = depth >> 3;
        if (whole < Hash256.Length)
        {
            bytes[whole] &= (byte)(0xFF00 >> (depth & 7));
            bytes[(whole + 1)..].Clear();
        }
        return new StateTreePath(new Hash256(bytes), depth, false);
    }

    /// <summary>The path of this node's child on side <paramref name="bit"/> (0 left, 1 right).</summary>
    public StateTreePath Child(int bit)
    {
        if (Depth == StateTreeScheme.MaxDepth)
            throw new InvalidOperationException("a node at depth 256 is a leaf and has no children");
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        Prefix.WriteTo(bytes);
        if (bit != 0)
            bytes[Depth >> 3] |= (byte)(0x80 >> (Depth & 7));
        return new StateTreePath(new Hash256(bytes), Depth + 1, false);
    }

    /// <summary>The path as its bits, e.g. "0b0110", "root" at depth 0.</summary>
    public override string ToString()
    {
        if (Depth == 0)
            return "root";
        var bits = new char[Depth];
        for (var i = 0; i < Depth; i++)
            bits[i] = StateTreeScheme.BitAt(Prefix, i) == 0 ? '0' : '1';
        return "0b" + new string(bits);
    }
}
