using System.Security.Cryptography;
using Native = BriOrleans.Crypto.Secp256k1Native;

namespace BriOrleans.Crypto;

/// <summary>
/// Span-based safe wrappers over libsecp256k1: keys, recoverable ECDSA signatures (RFC 6979 nonces,
/// low-s), recovery, verification and ECDH. A <c>false</c> return is the library refusing the input;
/// a wrong buffer length is misuse and throws.
/// </summary>
public static unsafe class Secp256k1
{
    public const int SecretKeyLength = 32;
    public const int MessageHashLength = 32;
    public const int CompressedPublicKeyLength = 33;
    public const int UncompressedPublicKeyLength = 65;
    public const int CompactSignatureLength = 64;
    public const int SharedSecretLength = 32;

    // One context for the process: after randomization it is only read, which the library allows from any thread.
    private static readonly Lazy<nint> s_context = new(CreateContext, LazyThreadSafetyMode.ExecutionAndPublication);

    private static nint Context => s_context.Value;

    private static nint CreateContext()
    {
        Secp256k1Library.EnsureLoadable(Native.Library);
        var context = Native.ContextCreate(Native.ContextNone);
        if (context == 0)
            throw new InvalidOperationException("secp256k1_context_create returned no context");
        // Blinding against side channels only: signatures stay RFC 6979 deterministic whatever the seed.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* s = seed)
        {
            if (Native.ContextRandomize(context, s) != 1)
                throw new InvalidOperationException("secp256k1_context_randomize failed");
        }
        CryptographicOperations.ZeroMemory(seed);
        return context;
    }

    /// <summary>True when <paramref name="secretKey"/> is a valid secret key: a number in 1..n-1.</summary>
    public static bool VerifySecretKey(ReadOnlySpan<byte> secretKey)
    {
        RequireLength(secretKey, SecretKeyLength, nameof(secretKey));
        fixed (byte* k = secretKey)
            return Native.SecretKeyVerify(Context, k) == 1;
    }

    /// <summary>Writes the public key of <paramref name="secretKey"/>, compressed (33 bytes) or uncompressed (65) by the destination's length.</summary>
    public static bool CreatePublicKey(ReadOnlySpan<byte> secretKey, Span<byte> publicKey)
    {
        RequireLength(secretKey, SecretKeyLength, nameof(secretKey));
        var flags = SerializationFlags(publicKey.Length, nameof(publicKey));
        Span<byte> key = stackalloc byte[Native.PublicKeyStructLength];
        fixed (byte* k = secretKey)
        fixed (byte* p = key)
        {
            if (Native.PublicKeyCreate(Context, p, k) != 1)
                return false;
        }
        return Serialize(key, publicKey, flags);
    }

    /// <summary>Parses a compressed or uncompressed public key and writes it in the form the destination's length asks for.</summary>
    public static bool SerializePublicKey(ReadOnlySpan<byte> publicKey, Span<byte> output)
    {
        var flags = SerializationFlags(output.Length, nameof(output));
        Span<byte> key = stackalloc byte[Native.PublicKeyStructLength];
        return Parse(publicKey, key) && Serialize(key, output, flags);
    }

    /// <summary>True when <paramref name="publicKey"/> (33 or 65 bytes) is a point on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> key = stackalloc byte[Native.PublicKeyStructLength];
        return Parse(publicKey, key);
    }

    /// <summary>Signs a 32-byte hash with an RFC 6979 nonce; writes r‖s (low-s) and returns the recovery id 0 or 1.</summary>
    public static bool SignRecoverable(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> secretKey, Span<byte> compactSignature, out int recoveryId)
    {
        RequireLength(messageHash, MessageHashLength, nameof(messageHash));
        RequireLength(secretKey, SecretKeyLength, nameof(secretKey));
        RequireLength(compactSignature, CompactSignatureLength, nameof(compactSignature));
        recoveryId = -1;
        Span<byte> signature = stackalloc byte[Native.RecoverableSignatureStructLength];
        fixed (byte* m = messageHash)
        fixed (byte* k = secretKey)
        fixed (byte* s = signature)
        fixed (byte* o = compactSignature)
        fixed (int* id = &recoveryId)
        {
            if (Native.SignRecoverable(Context, s, m, k, 0, 0) != 1)
                return false;
            return Native.RecoverableSignatureSerializeCompact(Context, o, id, s) == 1;
        }
    }

    /// <summary>Recovers the public key that made r‖s with <paramref name="recoveryId"/> over the hash; its form follows the destination's length.</summary>
    public static bool RecoverPublicKey(ReadOnlySpan<byte> compactSignature, int recoveryId, ReadOnlySpan<byte> messageHash, Span<byte> publicKey)
    {
        RequireLength(compactSignature, CompactSignatureLength, nameof(compactSignature));
        RequireLength(messageHash, MessageHashLength, nameof(messageHash));
        ArgumentOutOfRangeException.ThrowIfNegative(recoveryId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recoveryId, 3);
        var flags = SerializationFlags(publicKey.Length, nameof(publicKey));
        Span<byte> signature = stackalloc byte[Native.RecoverableSignatureStructLength];
        Span<byte> key = stackalloc byte[Native.PublicKeyStructLength];
        fixed (byte* c = compactSignature)
        fixed (byte* s = signature)
        fixed (byte* m = messageHash)
        fixed (byte* p = key)
        {
            if (Native.RecoverableSignatureParseCompact(Context, s, c, recoveryId) != 1)
                return false;
            if (Native.Recover(Context, p, s, m) != 1)
                return false;
        }
        return Serialize(key, publicKey, flags);
    }

    /// <summary>
    /// Verifies r‖s over the hash for the public key. Only the normalized (low-s) form verifies, so a
    /// signature cannot be made into a second valid one by negating s.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> compactSignature, ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> publicKey)
    {
        RequireLength(compactSignature, CompactSignatureLength, nameof(compactSignature));
        RequireLength(messageHash, MessageHashLength, nameof(messageHash));
        Span<byte> key = stackalloc byte[Native.PublicKeyStructLength];
        if (!Parse(publicKey, key))
            return false;
        Span<byte> signature = stackalloc byte[Native.SignatureStructLength];
        fixed (byte* c = compactSignature)
        fixed (byte* s = signature)
        fixed (byte* m = messageHash)
        fixed (byte* p = key)
        {
            if (Native.SignatureParseCompact(Context, s, c) != 1)
                return false;
            return Native.Verify(Context, s, m, p) == 1;
        }
    }

    /// <summary>ECDH: writes SHA-256 of the compressed shared point (the library's default hash) for our secret key and their public key.</summary>
    public static bool Ecdh(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> secretKey, Span<byte> sharedSecret)
    {
        RequireLength(secretKey, SecretKeyLength, nameof(secretKey));
        RequireLength(sharedSecret, SharedSecretLength, nameof(sharedSecret));
        Span<byte> key = stackalloc byte[Native.PublicKeyStructLength];
        if (!Parse(publicKey, key))
            return false;
        fixed (byte* o = sharedSecret)
        fixed (byte* p = key)
        fixed (byte* k = secretKey)
            return Native.Ecdh(Context, o, p, k, 0, 0) == 1;
    }

    private static bool Parse(ReadOnlySpan<byte> serialized, Span<byte> key)
    {
        if (serialized.Length != CompressedPublicKeyLength && serialized.Length != UncompressedPublicKeyLength)
            return false;
        fixed (byte* input = serialized)
        fixed (byte* p = key)
            return Native.PublicKeyParse(Context, p, input, (nuint)serialized.Length) == 1;
    }

    private static bool Serialize(ReadOnlySpan<byte> key, Span<byte> output, uint flags)
    {
        var length = (nuint)output.Length;
        fixed (byte* p = key)
        fixed (byte* o = output)
            return Native.PublicKeySerialize(Context, o, &length, p, flags) == 1 && length == (nuint)output.Length;
    }

    private static uint SerializationFlags(int length, string parameter) => length switch
    {
        CompressedPublicKeyLength => Native.SerializeCompressed,
        UncompressedPublicKeyLength => Native.SerializeUncompressed,
        _ => throw new ArgumentException(
            $"a public key buffer is {CompressedPublicKeyLength} (compressed) or {UncompressedPublicKeyLength} (uncompressed) bytes, got {length}", parameter),
    };

    private static void RequireLength(ReadOnlySpan<byte> buffer, int length, string parameter)
    {
        if (buffer.Length != length)
            throw new ArgumentException($"expected {length} bytes, got {buffer.Length}", parameter);
    }
}
