using BriOrleans.Crypto;

namespace BriOrleans.StateProofs;

/// <summary>
/// The single place where the state tree and its proofs compute Keccak-256; it counts what it hashes so that
/// tests and benchmarks measure tree work in hashes, not time.
/// </summary>
internal static class StateHash
{
    [ThreadStatic] private static long t_count;

    /// <summary>Hashes computed on this thread so far.</summary>
    internal static long CountOnThisThread => t_count;

    internal static Hash256 Keccak(ReadOnlySpan<byte> data)
    {
        t_count++;
        return Crypto.Keccak.Hash(data);
    }
}
