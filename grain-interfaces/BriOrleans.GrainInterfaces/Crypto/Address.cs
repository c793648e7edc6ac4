using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace BriOrleans.Crypto;

/// <summary>
/// A 20-byte account address: the last 20 bytes of the Keccak-256 of an uncompressed public key.
/// Written with the EIP-55 checksum; ordered byte-lexicographically.
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Length = 20;

    // Big-endian words, so comparing them in order compares the bytes lexicographically.
    private readonly ulong _w0, _w1;
    private readonly uint _w2;

    public static readonly Address Zero;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"an address has {Length} bytes, got {bytes.Length}", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>The address of a public key given uncompressed (65 bytes starting 0x04).</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        if (uncompressedPublicKey.Length != Secp256k1.UncompressedPublicKeyLength || uncompressedPublicKey[0] != 0x04)
            throw new ArgumentException("an address is derived from a 65-byte uncompressed public key (0x04 ‖ x ‖ y)", nameof(uncompressedPublicKey));
        Span<byte> hash = stackalloc byte[Hash256.Length];
        Keccak.Hash(uncompressedPublicKey[1..]).WriteTo(hash);
        return new Address(hash[(Hash256.Length - Length)..]);
    }

    public bool IsZero => (_w0 | _w1 | _w2) == 0;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _w2);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Parses 0x + 40 hex digits: all lower-case, all upper-case, or mixed case with a correct EIP-55 checksum.</summary>
    public static Address Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out Address address) => TryParse(text, out address, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, out Address address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (text is null || text.Length != 2 + 2 * Length || !text.StartsWith("0x", StringComparison.Ordinal)
            || !Hex.TryDecode(text, out var bytes))
        {
            error = $"an address is 0x followed by 40 hex digits, got '{Hex.Shorten(text)}'";
            return false;
        }
        var digits = text.AsSpan(2);
        var candidate = new Address(bytes);
        if (digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F')
            && !ChecksumMatches(candidate, digits))
        {
            error = $"address '{text}' mixes upper and lower case but its EIP-55 checksum is wrong " +
                    "(a mistyped digit?): write it with the right checksum, or all in one case";
            return false;
        }
        address = candidate;
        error = null;
        return true;
    }

    private static bool ChecksumMatches(Address address, ReadOnlySpan<char> digits)
    {
        Span<char> text = stackalloc char[TextLength];
        address.Format(text);
        return digits.SequenceEqual(text[2..]);
    }

    /// <summary>Characters of <see cref="ToString"/>: 0x and 40 hex digits.</summary>
    public const int TextLength = 2 + 2 * Length;

    /// <summary>The EIP-55 form: a hex letter is upper-case when the matching nibble of Keccak(lower-case hex) is 8 or more.</summary>
    public override string ToString() => string.Create(TextLength, this, static (text, address) => address.Format(text));

    /// <summary>Writes <see cref="ToString"/>'s EIP-55 text (<see cref="TextLength"/> characters) without allocating it.</summary>
    public void Format(Span<char> text)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Hex.Format(bytes, text);
        var digits = text[2..TextLength];
        var upper = UpperCaseDigits(digits);
        for (var i = 0; i < digits.Length; i++)
            if ((upper & (1UL << i)) != 0)
                digits[i] = char.ToUpperInvariant(digits[i]);
    }

    // The checksums of recently written addresses. A ledger writes the same few addresses over and over (senders,
    // registrars), and each checksum is a Keccak-256: entries are immutable and replaced whole, so readers on any
    // thread see either a complete entry or another address's, which they ignore.
    private sealed record Checksum(Address Address, ulong UpperCaseDigits);
    private static readonly Checksum?[] s_checksums = new Checksum?[256];

    /// <summary>Bit i set when hex digit i of the address is written upper-case (EIP-55), given its lower-case digits.</summary>
    private ulong UpperCaseDigits(ReadOnlySpan<char> lowerCaseDigits)
    {
        var slot = (int)(_w2 & 0xFF);
        if (Volatile.Read(ref s_checksums[slot]) is { } cached && cached.Address == this)
            return cached.UpperCaseDigits;
        Span<byte> ascii = stackalloc byte[2 * Length];
        for (var i = 0; i < lowerCaseDigits.Length; i++)
            ascii[i] = (byte)lowerCaseDigits[i];
        Span<byte> checksum = stackalloc byte[Hash256.Length];
        Keccak.Hash(ascii).WriteTo(checksum);
        var upper = 0UL;
        for (var i = 0; i < lowerCaseDigits.Length; i++)
        {
            var nibble = (i % 2 == 0 ? checksum[i / 2] >> 4 : checksum[i / 2]) & 0xF;
            if (nibble >= 8)
                upper |= 1UL << i;
        }
        Volatile.Write(ref s_checksums[slot], new Checksum(this, upper));
        return upper;
    }

    public int CompareTo(Address other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0) return c;
        c = _w1.CompareTo(other._w1);
        return c != 0 ? c : _w2.CompareTo(other._w2);
    }

    public bool Equals(Address other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2;
    public override bool Equals(object? obj) => obj is Address a && Equals(a);
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);

    public static bool operator ==(Address a, Address b) => a.Equals(b);
    public static bool operator !=(Address a, Address b) => !a.Equals(b);
    public static bool operator <(Address a, Address b) => a.CompareTo(b) < 0;
    public static bool operator >(Address a, Address b) => a.CompareTo(b) > 0;
    public static bool operator <=(Address a, Address b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Address a, Address b) => a.CompareTo(b) >= 0;
}
