using BriOrleans.Crypto;

namespace BriOrleans.Consensus;

/// <summary>The GHOST comparison at a fork: heavier subtree wins, equal weight goes to the larger hash.</summary>
public static class ForkChoice
{
    /// <summary>conflux-rust's is_heavier on (subtree weight, hash) pairs.</summary>
    public static bool IsHeavier(long weight, Hash256 hash, long otherWeight, Hash256 otherHash) =>
        weight > otherWeight || (weight == otherWeight && hash > otherHash);
}
