using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>
/// The state root computed straight from its definition, from the whole key set at once: the model the
/// incremental, versioned tree must agree with.
/// </summary>
internal static class ReferenceStateRoot
{
    public static Hash256 Of(IReadOnlyDictionary<Hash256, Hash256> state) =>
        Subtree(state.OrderBy(kv => kv.Key).ToList(), 0);

    private static Hash256 Subtree(List<KeyValuePair<Hash256, Hash256>> leaves, int depth) => leaves.Count switch
    {
        0 => Hash256.Zero,
        1 => StateTreeScheme.LeafHash(leaves[0].Key, leaves[0].Value),
        _ => StateTreeScheme.InternalHash(
            Subtree(leaves.Where(l => StateTreeScheme.BitAt(l.Key, depth) == 0).ToList(), depth + 1),
            Subtree(leaves.Where(l => StateTreeScheme.BitAt(l.Key, depth) == 1).ToList(), depth + 1)),
    };
}
