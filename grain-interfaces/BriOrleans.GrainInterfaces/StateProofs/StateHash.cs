using BriOrleans.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace BriOrleans.StateProofs;

/// <summary>
/// The single place where the state tree and its proofs compute Keccak-256, so that pointing them at the
/// shared Keccak-256 implementation is a one-line change.
/// </summary>
internal static class StateHash
{
    // BouncyCastle 1.8 digests take arrays only: one digest and one scratch buffer per thread spare
    // an allocation per node hash, which dominates tree updates.
    [ThreadStatic] private static KeccakDigest? t_digest;
    [ThreadStatic] private static byte[]? t_input;
    [ThreadStatic] private static byte[]? t_output;
    [ThreadStatic] private static long t_count;

    /// <summary>Hashes computed on this thread so far: tests and benchmarks measure tree work in hashes, not time.</summary>
    internal static long CountOnThisThread => t_count;

    internal static Hash256 Keccak(ReadOnlySpan<byte> data)
    {
        var digest = t_digest ??= new KeccakDigest(256);
        var input = t_input is { } buffer && buffer.Length >= data.Length ? buffer : t_input = new byte[Math.Max(data.Length, 128)];
        var output = t_output ??= new byte[Hash256.Length];
        data.CopyTo(input);
        digest.BlockUpdate(input, 0, data.Length);
        digest.DoFinal(output, 0);
        t_count++;
        return new Hash256(output);
    }
}
