using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace BriOrleans.Crypto;

/// <summary>
/// A 65-byte recoverable ECDSA signature r‖s‖v with v = 27 or 28, as Ethereum wallets write it.
/// Only canonical signatures exist: 1 ≤ r &lt; n and 1 ≤ s ≤ n/2 (low-s, so none can be re-signed by negating s).
/// </summary>
public sealed class Signature : IEquatable<Signature>
{
    public const int Length = 65;

    private static readonly byte[] s_curveOrder = Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
    private static readonly byte[] s_halfCurveOrder = Convert.FromHexString("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");

    private readonly byte[] _bytes;

    private Signature(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> R => _bytes.AsSpan(0, 32);
    public ReadOnlySpan<byte> S => _bytes.AsSpan(32, 32);

    /// <summary>27 or 28.</summary>
    public byte V => _bytes[64];

    /// <summary>0 or 1: the parity of the nonce point's y, as libsecp256k1 names it.</summary>
    public int RecoveryId => _bytes[64] - 27;

    internal ReadOnlySpan<byte> Compact => _bytes.AsSpan(0, Secp256k1.CompactSignatureLength);

    /// <summary>Builds a signature from r‖s and a recovery id (0 or 1), checking it is canonical.</summary>
    public static Signature FromCompact(ReadOnlySpan<byte> compact, int recoveryId)
    {
        if (compact.Length != Secp256k1.CompactSignatureLength)
            throw new ArgumentException($"r‖s is {Secp256k1.CompactSignatureLength} bytes, got {compact.Length}", nameof(compact));
        if (recoveryId is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(recoveryId), recoveryId, "a recovery id is 0 or 1");
        var bytes = new byte[Length];
        compact.CopyTo(bytes);
        bytes[64] = (byte)(27 + recoveryId);
        return TryCreate(bytes, out var signature, out var error) ? signature : throw new FormatException(error);
    }

    /// <summary>Reads r‖s‖v; v may be 0/1 or 27/28.</summary>
    public static Signature FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var signature, out var error) ? signature : throw new FormatException(error);

    /// <summary>Parses 0x + 130 hex digits (r‖s‖v, v = 0/1 or 27/28).</summary>
    public static Signature Parse(string hex) =>
        TryParse(hex, out var signature, out var error) ? signature : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? hex, [NotNullWhen(true)] out Signature? signature) =>
        TryParse(hex, out signature, out _);

    internal static bool TryParse(string? hex, [NotNullWhen(true)] out Signature? signature, [NotNullWhen(false)] out string? error)
    {
        signature = null;
        if (!Hex.TryDecode(hex, out var bytes) || bytes.Length != Length)
        {
            error = $"a signature is 0x followed by {2 * Length} hex digits (r‖s‖v), got '{Hex.Shorten(hex)}'";
            return false;
        }
        return TryFromBytes(bytes, out signature, out error);
    }

    private static bool TryFromBytes(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Signature? signature, [NotNullWhen(false)] out string? error)
    {
        signature = null;
        if (bytes.Length != Length)
        {
            error = $"a signature is {Length} bytes (r‖s‖v), got {bytes.Length}";
            return false;
        }
        var copy = bytes.ToArray();
        var v = copy[64];
        if (v is 0 or 1)
            copy[64] = (byte)(v + 27);
        else if (v is not (27 or 28))
        {
            error = $"a signature's v is 27 or 28 (or 0 or 1), got {v}";
            return false;
        }
        return TryCreate(copy, out signature, out error);
    }

    private static bool TryCreate(byte[] bytes, [NotNullWhen(true)] out Signature? signature, [NotNullWhen(false)] out string? error)
    {
        signature = null;
        var r = bytes.AsSpan(0, 32);
        var s = bytes.AsSpan(32, 32);
        if (r.IndexOfAnyExcept((byte)0) < 0 || r.SequenceCompareTo(s_curveOrder) >= 0)
            error = "a signature's r is between 1 and the curve order n - 1";
        else if (s.IndexOfAnyExcept((byte)0) < 0)
            error = "a signature's s is not zero";
        else if (s.SequenceCompareTo(s_halfCurveOrder) > 0)
            error = "a signature's s is above n/2 (a malleable high-s signature): only low-s signatures are accepted";
        else
        {
            signature = new Signature(bytes);
            error = null;
            return true;
        }
        return false;
    }

    /// <summary>The public key that made this signature over <paramref name="digest"/>, if any.</summary>
    public bool TryRecoverPublicKey(Hash256 digest, [NotNullWhen(true)] out PublicKey? publicKey)
    {
        publicKey = null;
        Span<byte> hash = stackalloc byte[Hash256.Length];
        digest.WriteTo(hash);
        Span<byte> key = stackalloc byte[Secp256k1.UncompressedPublicKeyLength];
        if (!Secp256k1.RecoverPublicKey(Compact, RecoveryId, hash, key))
            return false;
        publicKey = PublicKey.FromValidatedUncompressed(key);
        return true;
    }

    public bool TryRecoverSigner(Hash256 digest, out Address signer)
    {
        signer = default;
        if (!TryRecoverPublicKey(digest, out var key))
            return false;
        signer = key.Address;
        return true;
    }

    /// <summary>The address that made this signature over <paramref name="digest"/>.</summary>
    /// <exception cref="CryptographicException">r is not the x-coordinate of a curve point, so no key made it.</exception>
    public Address RecoverSigner(Hash256 digest) =>
        TryRecoverSigner(digest, out var signer)
            ? signer
            : throw new CryptographicException($"signature {this} matches no public key for digest {digest}");

    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>0x-hex r‖s‖v with v = 27 or 28.</summary>
    public override string ToString() => Hex.Encode(_bytes);

    public bool Equals(Signature? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);
    public override bool Equals(object? obj) => Equals(obj as Signature);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }
}
