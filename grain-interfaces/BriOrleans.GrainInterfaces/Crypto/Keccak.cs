using System.Buffers;
using Org.BouncyCastle.Crypto.Digests;

namespace BriOrleans.Crypto;

/// <summary>
/// Ethereum's Keccak-256 (the original padding, not FIPS SHA3-256, which .NET's SHA3_256 implements).
/// </summary>
public static class Keccak
{
    // A digest per thread: BouncyCastle digests are stateful and not thread-safe, and allocating one per hash is measurable.
    [ThreadStatic]
    private static KeccakDigest? t_digest;

    [ThreadStatic]
    private static byte[]? t_output;

    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        // BouncyCastle 1.8 takes arrays only.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(data.Length, 1));
        try
        {
            data.CopyTo(buffer);
            return Hash(buffer, data.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static Hash256 Hash(byte[] data) => Hash(data, data.Length);

    private static Hash256 Hash(byte[] data, int length)
    {
        var digest = t_digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data, 0, length);
        var output = t_output ??= new byte[Hash256.Length];
        digest.DoFinal(output, 0);
        return new Hash256(output);
    }
}
