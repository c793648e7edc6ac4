using System.Security.Cryptography;

namespace BriOrleans.Crypto;

/// <summary>A secp256k1 secret key (a number in 1..n-1) that signs 32-byte digests; its text form never appears in ToString.</summary>
public sealed class PrivateKey
{
    public const int Length = Secp256k1.SecretKeyLength;

    private readonly byte[] _secret;

    private PrivateKey(byte[] secret)
    {
        _secret = secret;
        var uncompressed = new byte[Secp256k1.UncompressedPublicKeyLength];
        if (!Secp256k1.CreatePublicKey(secret, uncompressed))
            throw new InvalidOperationException("libsecp256k1 refused a secret key it had verified");
        PublicKey = PublicKey.FromValidatedUncompressed(uncompressed);
    }

    public PublicKey PublicKey { get; }

    public Address Address => PublicKey.Address;

    /// <summary>A new key from the operating system's cryptographic random number generator.</summary>
    public static PrivateKey Generate()
    {
        var secret = new byte[Length];
        do
            RandomNumberGenerator.Fill(secret);
        while (!Secp256k1.VerifySecretKey(secret));
        return new PrivateKey(secret);
    }

    /// <summary>Reads a 32-byte big-endian secret; zero and values ≥ n are rejected.</summary>
    public static PrivateKey FromBytes(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != Length)
            throw new FormatException($"a private key is {Length} bytes, got {secret.Length}");
        if (!Secp256k1.VerifySecretKey(secret))
            throw new FormatException("a private key is a number between 1 and the curve order n - 1; this one is zero or too large");
        return new PrivateKey(secret.ToArray());
    }

    /// <summary>Reads 0x + 64 hex digits.</summary>
    public static PrivateKey FromHex(string hex)
    {
        if (!Hex.TryDecode(hex, out var secret) || secret.Length != Length)
            throw new FormatException($"a private key is 0x followed by {2 * Length} hex digits");
        return FromBytes(secret);
    }

    /// <summary>The secret as 0x-hex, for writing a key file: the one way the secret leaves this type.</summary>
    public string ExportHex() => Hex.Encode(_secret);

    /// <summary>Signs a digest (RFC 6979 nonce, low-s), giving r‖s‖v with v = 27 or 28.</summary>
    public Signature Sign(Hash256 digest)
    {
        Span<byte> hash = stackalloc byte[Hash256.Length];
        digest.WriteTo(hash);
        Span<byte> compact = stackalloc byte[Secp256k1.CompactSignatureLength];
        if (!Secp256k1.SignRecoverable(hash, _secret, compact, out var recoveryId))
            throw new InvalidOperationException("libsecp256k1 failed to sign with a verified secret key");
        return Signature.FromCompact(compact, recoveryId);
    }

    /// <summary>ECDH with another party's public key: SHA-256 of the compressed shared point, equal on both sides.</summary>
    public byte[] SharedSecret(PublicKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var secret = new byte[Secp256k1.SharedSecretLength];
        if (!Secp256k1.Ecdh(other.Uncompressed, _secret, secret))
            throw new InvalidOperationException("libsecp256k1 failed ECDH with a verified key pair");
        return secret;
    }

    /// <summary>Names the key by its address so that logging a key never prints the secret.</summary>
    public override string ToString() => $"PrivateKey({Address})";
}
