using System.Buffers.Binary;
using System.Numerics;

namespace BriOrleans.CanonicalEncoding;

/// <summary>
/// The canonical encoding of everything the ledger hashes: Ethereum's Recursive Length Prefix.
/// An item is a byte string or a list of items; integers are big-endian with no leading zeros, so every value
/// has exactly one encoding and two nodes always hash the same bytes.
/// </summary>
public abstract class RlpItem : IEquatable<RlpItem>
{
    private RlpItem() { }

    /// <summary>A byte string.</summary>
    public sealed class Bytes(ReadOnlyMemory<byte> value) : RlpItem
    {
        public ReadOnlyMemory<byte> Value { get; } = value;
    }

    /// <summary>A list of items.</summary>
    public sealed class List(IReadOnlyList<RlpItem> items) : RlpItem
    {
        // The length of the items' encodings, worked out once: encoding needs it at every level of nesting.
        private int _payloadLength = -1;

        public IReadOnlyList<RlpItem> Items { get; } = items;

        internal int PayloadLength
        {
            get
            {
                if (_payloadLength < 0)
                    _payloadLength = Rlp.PayloadLengthOf(Items);
                return _payloadLength;
            }
        }
    }

    public static RlpItem Of(ReadOnlySpan<byte> value) => new Bytes(value.ToArray());
    public static RlpItem Of(Crypto.Hash256 hash) => new Bytes(hash.ToArray());
    public static RlpItem Of(Crypto.Address address) => new Bytes(address.ToArray());
    public static RlpItem Of(string text) => new Bytes(System.Text.Encoding.UTF8.GetBytes(text));
    public static RlpItem Of(bool value) => Of(value ? 1UL : 0UL);
    public static RlpItem Of(params RlpItem[] items) => new List(items);

    public static RlpItem Of(ulong value)
    {
        if (value < (ulong)SmallIntegers.Length)
            return SmallIntegers[value];
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        return Of(buffer[(BitOperations.LeadingZeroCount(value) / 8)..]);
    }

    public static RlpItem Of(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are unsigned");
        return value.IsZero ? Of(ReadOnlySpan<byte>.Empty) : Of(value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    // Items are immutable, so the integers below 256 (flags, statuses, small counts) are shared.
    private static readonly RlpItem[] SmallIntegers = [.. Enumerable.Range(0, 256).Select(i => new Bytes(i == 0 ? Array.Empty<byte>() : [(byte)i]))];

    public static RlpItem OfList<T>(IEnumerable<T> items, Func<T, RlpItem> encode) => new List(items.Select(encode).ToArray());

    public byte[] Encode()
    {
        // Sized first, then written in place: the ledger encodes receipts, blocks and records by the thousand.
        var output = new byte[Rlp.EncodedLength(this)];
        Rlp.Write(this, output);
        return output;
    }

    // Items compare by content, so decoded items equal the items they were encoded from.
    public bool Equals(RlpItem? other) => other is not null && Encode().AsSpan().SequenceEqual(other.Encode());
    public override bool Equals(object? obj) => obj is RlpItem other && Equals(other);
    public override int GetHashCode() => Encode().Length;

    // Accessors for decoding; each throws RlpException when the item has another shape.
    public ReadOnlySpan<byte> AsBytes() => this is Bytes b ? b.Value.Span : throw new RlpException("expected a byte string, found a list");
    public IReadOnlyList<RlpItem> AsList() => this is List l ? l.Items : throw new RlpException("expected a list, found a byte string");
    public string AsString() => System.Text.Encoding.UTF8.GetString(AsBytes());

    public ulong AsUInt64()
    {
        var bytes = AsBytes();
        if (bytes.Length > 8)
            throw new RlpException($"integer of {bytes.Length} bytes does not fit 64 bits");
        if (bytes.Length > 0 && bytes[0] == 0)
            throw new RlpException("integer with a leading zero byte is not canonical");
        ulong value = 0;
        foreach (var b in bytes)
            value = (value << 8) | b;
        return value;
    }
}

/// <summary>Writes and reads RLP; reading rejects every non-canonical form.</summary>
public static class Rlp
{
    /// <summary>The length of the item's encoding.</summary>
    internal static int EncodedLength(RlpItem item) => item switch
    {
        RlpItem.Bytes { Value: var value } when value.Length == 1 && value.Span[0] < 0x80 => 1,
        RlpItem.Bytes { Value: var value } => HeaderLength(value.Length) + value.Length,
        RlpItem.List list => ListLength(list.PayloadLength),
        _ => throw new ArgumentException($"unknown RLP item {item.GetType().Name}", nameof(item)),
    };

    /// <summary>Writes the item's encoding at the start of <paramref name="output"/>; returns the bytes written.</summary>
    internal static int Write(RlpItem item, Span<byte> output)
    {
        switch (item)
        {
            case RlpItem.Bytes { Value: var value } when value.Length == 1 && value.Span[0] < 0x80:
                output[0] = value.Span[0];
                return 1;
            case RlpItem.Bytes { Value: var value }:
                var header = WriteHeader(value.Length, 0x80, output);
                value.Span.CopyTo(output[header..]);
                return header + value.Length;
            case RlpItem.List list:
                var written = WriteHeader(list.PayloadLength, 0xc0, output);
                var items = list.Items;
                for (var i = 0; i < items.Count; i++)
                    written += Write(items[i], output[written..]);
                return written;
            default:
                throw new ArgumentException($"unknown RLP item {item.GetType().Name}", nameof(item));
        }
    }

    internal static int PayloadLengthOf(IReadOnlyList<RlpItem> items)
    {
        // Indexed, not foreach: enumerating an IReadOnlyList boxes an enumerator per list.
        var length = 0;
        for (var i = 0; i < items.Count; i++)
            length += EncodedLength(items[i]);
        return length;
    }

    private static int ListLength(int payload) => HeaderLength(payload) + payload;

    private static int HeaderLength(int length) => length < 56 ? 1 : 1 + SignificantBytes(length);

    private static int SignificantBytes(int length) => 4 - BitOperations.LeadingZeroCount((uint)length) / 8;

    private static int WriteHeader(int length, byte offset, Span<byte> output)
    {
        if (length < 56)
        {
            output[0] = (byte)(offset + length);
            return 1;
        }
        var significant = SignificantBytes(length);
        output[0] = (byte)(offset + 55 + significant);
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, length);
        buffer[(4 - significant)..].CopyTo(output[1..]);
        return 1 + significant;
    }

    /// <summary>Decodes exactly one item that spans all of <paramref name="encoded"/>.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var item = Read(encoded, out var consumed);
        if (consumed != encoded.Length)
            throw new RlpException($"{encoded.Length - consumed} trailing bytes after the item");
        return item;
    }

    private static RlpItem Read(ReadOnlySpan<byte> input, out int consumed)
    {
        if (input.IsEmpty)
            throw new RlpException("unexpected end of input");
        var prefix = input[0];
        if (prefix < 0x80)
        {
            consumed = 1;
            return new RlpItem.Bytes(new[] { prefix });
        }
        var isList = prefix >= 0xc0;
        var offset = isList ? 0xc0 : 0x80;
        int headerLength, length;
        if (prefix - offset < 56)
        {
            headerLength = 1;
            length = prefix - offset;
        }
        else
        {
            var lengthOfLength = prefix - offset - 55;
            if (lengthOfLength > 4 || input.Length < 1 + lengthOfLength)
                throw new RlpException("length prefix runs past the input");
            if (input[1] == 0)
                throw new RlpException("length with a leading zero byte is not canonical");
            length = 0;
            foreach (var b in input.Slice(1, lengthOfLength))
                length = checked((length << 8) | b);
            if (length < 56)
                throw new RlpException("long form used for a short length");
            headerLength = 1 + lengthOfLength;
        }
        if (length < 0 || input.Length - headerLength < length)
            throw new RlpException("item runs past the input");
        consumed = headerLength + length;
        var payload = input.Slice(headerLength, length);
        if (!isList)
        {
            if (length == 1 && payload[0] < 0x80)
                throw new RlpException("single byte below 0x80 must encode as itself");
            return new RlpItem.Bytes(payload.ToArray());
        }
        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(Read(payload, out var used));
            payload = payload[used..];
        }
        return new RlpItem.List(items);
    }
}

/// <summary>Input that is not canonical RLP.</summary>
public sealed class RlpException(string message) : FormatException(message);
