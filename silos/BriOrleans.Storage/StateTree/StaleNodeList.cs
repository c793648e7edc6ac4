using System.Buffers.Binary;
using BriOrleans.Crypto;

namespace BriOrleans.Storage;

/// <summary>The key columns of a state_nodes row: the version that wrote the node, its depth and its path prefix.</summary>
internal readonly record struct StoredNodeKey(long Version, long Depth, byte[] Prefix);

/// <summary>
/// The nodes one tree version made stale, packed into the <c>nodes</c> value of its state_stale_versions row: per
/// node the big-endian version (8 bytes) and depth (2 bytes), then the prefix's first ⌈depth / 8⌉ bytes (the rest
/// of a prefix is zero by construction, and is restored on reading).
/// </summary>
internal static class StaleNodeList
{
    private const int HeaderLength = sizeof(ulong) + sizeof(ushort);

    public static byte[] Encode(IReadOnlyList<StoredNodeKey> keys)
    {
        var length = 0;
        foreach (var key in keys)
            length += HeaderLength + Significant(key.Depth);
        var bytes = new byte[length];
        var at = 0;
        foreach (var key in keys)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at), key.Version);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + sizeof(ulong)), checked((ushort)key.Depth));
            at += HeaderLength;
            var significant = Significant(key.Depth);
            key.Prefix.AsSpan(0, significant).CopyTo(bytes.AsSpan(at));
            at += significant;
        }
        return bytes;
    }

    public static List<StoredNodeKey> Decode(ReadOnlySpan<byte> bytes)
    {
        var keys = new List<StoredNodeKey>();
        while (!bytes.IsEmpty)
        {
            if (bytes.Length < HeaderLength)
                throw new InvalidDataException($"a stale-node list ends in {bytes.Length} bytes, too few for a node's version and depth");
            var version = BinaryPrimitives.ReadInt64BigEndian(bytes);
            var depth = BinaryPrimitives.ReadUInt16BigEndian(bytes[sizeof(ulong)..]);
            var significant = Significant(depth);
            if (depth > 8 * Hash256.Length || bytes.Length < HeaderLength + significant)
                throw new InvalidDataException($"a stale-node list names a node of depth {depth} with {bytes.Length - HeaderLength} prefix bytes left");
            var prefix = new byte[Hash256.Length];
            bytes.Slice(HeaderLength, significant).CopyTo(prefix);
            keys.Add(new StoredNodeKey(version, depth, prefix));
            bytes = bytes[(HeaderLength + significant)..];
        }
        return keys;
    }

    private static int Significant(long depth) => (int)((depth + 7) / 8);
}
