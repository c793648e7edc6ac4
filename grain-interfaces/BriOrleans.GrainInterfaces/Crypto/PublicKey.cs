using System.Diagnostics.CodeAnalysis;

namespace BriOrleans.Crypto;

/// <summary>A secp256k1 public key (a point on the curve), kept uncompressed; its <see cref="Address"/> is derived once.</summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _uncompressed;

    private PublicKey(byte[] uncompressed)
    {
        _uncompressed = uncompressed;
        Address = Address.FromPublicKey(uncompressed);
    }

    public Address Address { get; }

    /// <summary>0x04 ‖ x ‖ y, 65 bytes.</summary>
    public ReadOnlySpan<byte> Uncompressed => _uncompressed;

    internal static PublicKey FromValidatedUncompressed(ReadOnlySpan<byte> uncompressed) => new(uncompressed.ToArray());

    /// <summary>Reads a compressed (33-byte) or uncompressed (65-byte) key that must lie on the curve.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> serialized, [NotNullWhen(true)] out PublicKey? publicKey)
    {
        publicKey = null;
        var uncompressed = new byte[Secp256k1.UncompressedPublicKeyLength];
        if (!Secp256k1.SerializePublicKey(serialized, uncompressed))
            return false;
        publicKey = new PublicKey(uncompressed);
        return true;
    }

    public static PublicKey FromBytes(ReadOnlySpan<byte> serialized) =>
        TryFromBytes(serialized, out var key)
            ? key
            : throw new FormatException($"not a secp256k1 public key: expected 33 or 65 bytes of a point on the curve, got {serialized.Length} bytes that are not");

    public static PublicKey Parse(string hex) => FromBytes(Hex.Decode(hex));

    /// <summary>0x02/0x03 ‖ x, 33 bytes.</summary>
    public byte[] ToCompressed()
    {
        var compressed = new byte[Secp256k1.CompressedPublicKeyLength];
        if (!Secp256k1.SerializePublicKey(_uncompressed, compressed))
            throw new InvalidOperationException("a public key that parsed once failed to serialize");
        return compressed;
    }

    /// <summary>True when <paramref name="signature"/> over <paramref name="digest"/> was made by this key (low-s only).</summary>
    public bool Verify(Hash256 digest, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        Span<byte> hash = stackalloc byte[Hash256.Length];
        digest.WriteTo(hash);
        return Secp256k1.Verify(signature.Compact, hash, _uncompressed);
    }

    public override string ToString() => Hex.Encode(_uncompressed);

    public bool Equals(PublicKey? other) => other is not null && _uncompressed.AsSpan().SequenceEqual(other._uncompressed);
    public override bool Equals(object? obj) => Equals(obj as PublicKey);
    public override int GetHashCode() => Address.GetHashCode();
}
