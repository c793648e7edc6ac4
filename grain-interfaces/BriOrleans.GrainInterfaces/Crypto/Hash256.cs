using System.Buffers.Binary;

namespace BriOrleans.Crypto;

/// <summary>
/// A 32-byte hash (Keccak-256 digests, block ids, state roots). Ordered as an unsigned 256-bit
/// big-endian integer, which equals byte-lexicographic order: the tree-graph tie-break relies on it.
/// </summary>
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Length = 32;

    // Four big-endian words: comparing them in order is comparing the bytes lexicographically.
    private readonly ulong _w0, _w1, _w2, _w3;

    public static readonly Hash256 Zero;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"a hash has {Length} bytes, got {bytes.Length}", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public static Hash256 Parse(string hex)
    {
        var bytes = Hex.Decode(hex);
        if (bytes.Length != Length)
            throw new FormatException($"a hash is 0x followed by 64 hex digits, got '{Hex.Shorten(hex)}'");
        return new Hash256(bytes);
    }

    public static bool TryParse(string? hex, out Hash256 hash)
    {
        hash = default;
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != Length)
            return false;
        hash = new Hash256(bytes);
        return true;
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    public int CompareTo(Hash256 other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0) return c;
        c = _w1.CompareTo(other._w1);
        if (c != 0) return c;
        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }

    public bool Equals(Hash256 other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;
    public override bool Equals(object? obj) => obj is Hash256 h && Equals(h);
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);
    /// <summary>Characters of <see cref="ToString"/>: 0x and 64 hex digits.</summary>
    public const int TextLength = 2 + 2 * Length;

    public override string ToString() => string.Create(TextLength, this, static (text, hash) => hash.Format(text));

    /// <summary>Writes <see cref="ToString"/>'s text (<see cref="TextLength"/> characters) without allocating it.</summary>
    public void Format(Span<char> text)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Hex.Format(bytes, text);
    }

    public static bool operator ==(Hash256 a, Hash256 b) => a.Equals(b);
    public static bool operator !=(Hash256 a, Hash256 b) => !a.Equals(b);
    public static bool operator <(Hash256 a, Hash256 b) => a.CompareTo(b) < 0;
    public static bool operator >(Hash256 a, Hash256 b) => a.CompareTo(b) > 0;
    public static bool operator <=(Hash256 a, Hash256 b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Hash256 a, Hash256 b) => a.CompareTo(b) >= 0;
}
