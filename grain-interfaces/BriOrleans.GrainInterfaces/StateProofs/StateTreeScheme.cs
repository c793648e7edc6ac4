using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.StateProofs;

/// <summary>
/// The hashing scheme of the state tree, shared by the tree that computes state roots and by every verifier
/// of its proofs. Keys are read as 256 bits, most significant bit of byte 0 first; bit 0 goes left, 1 right.
/// An empty subtree hashes to zero, a subtree holding one leaf is that leaf, a leaf hashes to
/// keccak(0x00 ‖ key ‖ value) and an internal node to keccak(0x01 ‖ left ‖ right).
/// </summary>
public static class StateTreeScheme
{
    /// <summary>Keys have 256 bits, so no path is deeper than this.</summary>
    public const int MaxDepth = 256;

    // Distinct first bytes keep a leaf's preimage from ever being read as an internal node's.
    private const byte LeafTag = 0x00;
    private const byte InternalTag = 0x01;

    /// <summary>The hash of an empty subtree, and so the root of an empty state.</summary>
    public static Hash256 EmptyHash => Hash256.Zero;

    /// <summary>The key of a grain's state: Keccak-256 of the UTF-8 bytes of its grain id.</summary>
    public static Hash256 KeyOf(string grainId)
    {
        ArgumentNullException.ThrowIfNull(grainId);
        return StateHash.Keccak(Encoding.UTF8.GetBytes(grainId));
    }

    /// <summary>The value committed for a grain: Keccak-256 of its canonical state bytes.</summary>
    public static Hash256 ValueOf(ReadOnlySpan<byte> canonicalState) => StateHash.Keccak(canonicalState);

    public static Hash256 LeafHash(Hash256 key, Hash256 value) => Tagged(LeafTag, key, value);

    public static Hash256 InternalHash(Hash256 left, Hash256 right) => Tagged(InternalTag, left, right);

    /// <summary>Bit <paramref name="depth"/> of a key: 0 means the key lies in the left subtree at that depth.</summary>
    public static int BitAt(Hash256 key, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(depth, MaxDepth);
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        key.WriteTo(bytes);
        return (bytes[depth >> 3] >> (7 - (depth & 7))) & 1;
    }

    /// <summary>How many leading bits two keys share (256 when they are equal).</summary>
    public static int CommonPrefixLength(Hash256 a, Hash256 b)
    {
        Span<byte> x = stackalloc byte[Hash256.Length];
        Span<byte> y = stackalloc byte[Hash256.Length];
        a.WriteTo(x);
        b.WriteTo(y);
        for (var i = 0; i < Hash256.Length; i++)
            if (x[i] != y[i])
                return i * 8 + System.Numerics.BitOperations.LeadingZeroCount((uint)(x[i] ^ y[i])) - 24;
        return MaxDepth;
    }

    private static Hash256 Tagged(byte tag, Hash256 first, Hash256 second)
    {
        Span<byte> preimage = stackalloc byte[1 + 2 * Hash256.Length];
        preimage[0] = tag;
        first.WriteTo(preimage[1..]);
        second.WriteTo(preimage[(1 + Hash256.Length)..]);
        return StateHash.Keccak(preimage);
    }
}
