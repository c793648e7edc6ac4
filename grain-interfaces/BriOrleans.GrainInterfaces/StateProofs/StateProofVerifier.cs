using BriOrleans.Crypto;

namespace BriOrleans.StateProofs;

/// <summary>
/// Checks state proofs against a trusted state root. Needs nothing but the root and the proof, so a client
/// can check what a node tells it about the ledger's state without trusting the node.
/// </summary>
public static class StateProofVerifier
{
    /// <summary>Whether the proof is well formed and leads to <paramref name="root"/>.</summary>
    public static bool Verify(Hash256 root, StateProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return IsCanonical(proof) && proof.ComputeRoot() == root;
    }

    /// <summary>Whether the proof shows that <paramref name="key"/> holds <paramref name="value"/> under <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(Hash256 root, Hash256 key, Hash256 value, StateProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return proof.Key == key && proof.Value == value && Verify(root, proof);
    }

    /// <summary>Whether the proof shows that <paramref name="key"/> holds nothing under <paramref name="root"/>.</summary>
    public static bool VerifyExclusion(Hash256 root, Hash256 key, StateProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return proof.Key == key && !proof.IsInclusion && Verify(root, proof);
    }

    // A tree never holds the shapes rejected here, so a proof showing one is forged or corrupt, whatever
    // root it hashes to.
    private static bool IsCanonical(StateProof proof)
    {
        var depth = proof.Siblings.Count;
        // Another leaf can end the key's path only if it lies on that path.
        if (proof.Leaf is { } leaf && StateTreeScheme.CommonPrefixLength(leaf.Key, proof.Key) < depth)
            return false;
        // A leaf or an empty subtree beside an empty sibling would have been folded into its parent.
        return depth == 0 || !proof.Siblings[depth - 1].IsZero;
    }
}
