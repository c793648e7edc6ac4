using System.Buffers.Binary;
using BriOrleans.Crypto;
using BriOrleans.Grains.State;

namespace BriOrleans.Storage;

/// <summary>
/// The bytes of a stored state-tree node. A leaf is <c>0x00 ‖ key ‖ value</c>; an internal node is
/// <c>0x01 ‖ left ‖ right</c>, each child either <c>0x00</c> (empty) or its kind (<c>0x01</c> leaf, <c>0x02</c>
/// internal) followed by its hash and the big-endian version that wrote it. The node's own key (version, path) is
/// in its row, and its hash in its parent.
/// </summary>
internal static class StateNodeCodec
{
    private const byte LeafTag = 0x00;
    private const byte InternalTag = 0x01;
    private const byte NoChild = 0x00;
    private const byte LeafChild = 0x01;
    private const byte InternalChild = 0x02;
    private const int ReferenceLength = 1 + Hash256.Length + sizeof(ulong);

    public static byte[] Encode(StateNode node)
    {
        switch (node)
        {
            case StateLeafNode leaf:
            {
                var bytes = new byte[1 + 2 * Hash256.Length];
                bytes[0] = LeafTag;
                leaf.Key.WriteTo(bytes.AsSpan(1));
                leaf.Value.WriteTo(bytes.AsSpan(1 + Hash256.Length));
                return bytes;
            }
            case StateInternalNode inner:
            {
                var bytes = new byte[1 + 2 * ReferenceLength];
                bytes[0] = InternalTag;
                WriteReference(inner.Left, bytes.AsSpan(1, ReferenceLength));
                WriteReference(inner.Right, bytes.AsSpan(1 + ReferenceLength));
                return bytes;
            }
            default:
                throw new ArgumentException($"unknown state node type {node.GetType().Name}", nameof(node));
        }
    }

    public static StateNode Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 + 2 * Hash256.Length && bytes[0] == LeafTag)
            return new StateLeafNode(new Hash256(bytes.Slice(1, Hash256.Length)), new Hash256(bytes.Slice(1 + Hash256.Length)));
        if (bytes.Length == 1 + 2 * ReferenceLength && bytes[0] == InternalTag)
            return new StateInternalNode(ReadReference(bytes.Slice(1, ReferenceLength)), ReadReference(bytes.Slice(1 + ReferenceLength)));
        throw new InvalidDataException($"a stored state node of {bytes.Length} bytes with tag {(bytes.IsEmpty ? "none" : bytes[0])} is neither a leaf nor an internal node");
    }

    private static void WriteReference(StateNodeRef? reference, Span<byte> destination)
    {
        if (reference is not { } r)
        {
            destination.Clear();
            return;
        }
        destination[0] = r.IsLeaf ? LeafChild : InternalChild;
        r.Hash.WriteTo(destination[1..]);
        BinaryPrimitives.WriteUInt64BigEndian(destination[(1 + Hash256.Length)..], r.Version);
    }

    private static StateNodeRef? ReadReference(ReadOnlySpan<byte> source) => source[0] switch
    {
        NoChild => null,
        LeafChild or InternalChild => new StateNodeRef(
            new Hash256(source.Slice(1, Hash256.Length)), BinaryPrimitives.ReadUInt64BigEndian(source[(1 + Hash256.Length)..]), source[0] == LeafChild),
        _ => throw new InvalidDataException($"a stored state node names a child of unknown kind {source[0]}"),
    };
}
