using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>Inclusion and exclusion proofs from a real tree: they verify, and any tampering makes them fail.</summary>
public class StateProofTests
{
    private const int Grains = 200;
    private readonly StateTree _tree = StateKeys.NewTree();
    private readonly Hash256 _root;

    public StateProofTests()
    {
        _tree.Commit(1, Enumerable.Range(0, Grains).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))));
        _root = _tree.RootOf(1);
    }

    private static StateProof WithSibling(StateProof proof, int depth, Hash256 sibling) =>
        new(proof.Key, proof.Leaf, proof.Siblings.Select((s, d) => d == depth ? sibling : s));

    private static Hash256 Flipped(Hash256 hash)
    {
        var bytes = hash.ToArray();
        bytes[31] ^= 1;
        return new Hash256(bytes);
    }

    [Fact]
    public void Every_present_key_has_an_inclusion_proof_that_verifies()
    {
        for (var i = 0; i < Grains; i++)
        {
            var proof = _tree.Prove(StateKeys.Grain(i), 1);
            Assert.True(proof.IsInclusion);
            Assert.True(StateProofVerifier.VerifyInclusion(_root, StateKeys.Grain(i), StateKeys.Value(i), proof));
        }
    }

    [Fact]
    public void Absent_keys_have_exclusion_proofs_that_verify()
    {
        var endsAtLeaf = 0;
        for (var i = Grains; i < 2 * Grains; i++)
        {
            var proof = _tree.Prove(StateKeys.Grain(i), 1);
            Assert.False(proof.IsInclusion);
            Assert.True(StateProofVerifier.VerifyExclusion(_root, StateKeys.Grain(i), proof));
            endsAtLeaf += proof.Leaf is null ? 0 : 1;
        }
        // Both kinds of exclusion occur: a path ending at another leaf, and one ending at an empty subtree.
        Assert.InRange(endsAtLeaf, 1, Grains - 1);
    }

    [Fact]
    public void An_inclusion_proof_fails_for_another_value()
    {
        var proof = _tree.Prove(StateKeys.Grain(7), 1);
        Assert.False(StateProofVerifier.VerifyInclusion(_root, StateKeys.Grain(7), StateKeys.Value(8), proof));
    }

    [Fact]
    public void An_inclusion_proof_fails_for_another_key()
    {
        var proof = _tree.Prove(StateKeys.Grain(7), 1);
        Assert.False(StateProofVerifier.VerifyInclusion(_root, StateKeys.Grain(8), StateKeys.Value(7), proof));
    }

    [Fact]
    public void A_proof_whose_key_is_swapped_no_longer_leads_to_the_root()
    {
        var proof = _tree.Prove(StateKeys.Grain(7), 1);
        var swapped = new StateProof(StateKeys.Grain(8), proof.Leaf, proof.Siblings);
        Assert.False(StateProofVerifier.Verify(_root, swapped));
    }

    [Fact]
    public void A_proof_fails_against_another_root()
    {
        var proof = _tree.Prove(StateKeys.Grain(7), 1);
        Assert.False(StateProofVerifier.VerifyInclusion(Flipped(_root), StateKeys.Grain(7), StateKeys.Value(7), proof));
    }

    [Fact]
    public void A_proof_with_any_sibling_flipped_fails()
    {
        var inclusion = _tree.Prove(StateKeys.Grain(7), 1);
        var exclusion = _tree.Prove(StateKeys.Grain(Grains + 7), 1);
        for (var depth = 0; depth < inclusion.Siblings.Count; depth++)
            Assert.False(StateProofVerifier.Verify(_root, WithSibling(inclusion, depth, Flipped(inclusion.Siblings[depth]))));
        for (var depth = 0; depth < exclusion.Siblings.Count; depth++)
            Assert.False(StateProofVerifier.Verify(_root, WithSibling(exclusion, depth, Flipped(exclusion.Siblings[depth]))));
    }

    [Fact]
    public void A_proof_with_a_sibling_dropped_fails()
    {
        var proof = _tree.Prove(StateKeys.Grain(7), 1);
        Assert.False(StateProofVerifier.Verify(_root, new StateProof(proof.Key, proof.Leaf, proof.Siblings.Skip(1))));
    }

    [Fact]
    public void An_exclusion_proof_fails_for_a_present_key()
    {
        var proof = _tree.Prove(StateKeys.Grain(7), 1);
        Assert.False(StateProofVerifier.VerifyExclusion(_root, StateKeys.Grain(7), proof));
    }

    [Fact]
    public void An_exclusion_proof_cannot_be_turned_into_an_inclusion_by_claiming_the_leaf_is_the_keys_own()
    {
        var proof = Enumerable.Range(Grains, Grains).Select(i => _tree.Prove(StateKeys.Grain(i), 1)).First(p => p.Leaf is not null);
        var forged = new StateProof(proof.Key, new StateProofLeaf(proof.Key, proof.Leaf!.Value.Value), proof.Siblings);
        Assert.True(forged.IsInclusion);
        Assert.False(StateProofVerifier.Verify(_root, forged));
    }

    // The two rules below guard against shapes a tree never has. A proof of that shape can only hash to a root
    // no tree produces, so each is checked against the root the proof itself leads to.
    [Fact]
    public void A_proof_ending_at_a_leaf_off_the_keys_path_is_refused_whatever_root_it_leads_to()
    {
        var key = StateKeys.Crafted(0x80, 9);
        var offPath = new StateProof(key, new StateProofLeaf(StateKeys.Crafted(0x00, 1), StateKeys.Value(1)), [StateKeys.Grain(2)]);
        Assert.False(StateProofVerifier.Verify(offPath.ComputeRoot(), offPath));
    }

    [Fact]
    public void A_proof_ending_beside_an_empty_sibling_is_refused_whatever_root_it_leads_to()
    {
        var key = StateKeys.Grain(1);
        var uncollapsed = new StateProof(key, new StateProofLeaf(key, StateKeys.Value(1)), [StateKeys.Grain(2), Hash256.Zero]);
        Assert.False(StateProofVerifier.Verify(uncollapsed.ComputeRoot(), uncollapsed));
    }

    [Fact]
    public void The_empty_state_proves_every_key_absent_with_no_siblings()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, []);
        var proof = tree.Prove(StateKeys.Grain(1), 1);
        Assert.Empty(proof.Siblings);
        Assert.Null(proof.Leaf);
        Assert.True(StateProofVerifier.VerifyExclusion(Hash256.Zero, StateKeys.Grain(1), proof));
    }

    [Fact]
    public void A_single_leaf_state_proves_its_key_with_no_siblings_and_any_other_key_absent()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, [StateChange.Set(StateKeys.Grain(1), StateKeys.Value(1))]);
        var root = tree.RootOf(1);
        Assert.Equal(StateTreeScheme.LeafHash(StateKeys.Grain(1), StateKeys.Value(1)), root);
        Assert.True(StateProofVerifier.VerifyInclusion(root, StateKeys.Grain(1), StateKeys.Value(1), tree.Prove(StateKeys.Grain(1), 1)));
        var other = tree.Prove(StateKeys.Grain(2), 1);
        Assert.Empty(other.Siblings);
        Assert.True(StateProofVerifier.VerifyExclusion(root, StateKeys.Grain(2), other));
    }

    [Fact]
    public void Proofs_over_keys_sharing_long_prefixes_verify()
    {
        var tree = StateKeys.NewTree();
        var keys = new[] { StateKeys.Crafted(0, 0), StateKeys.Crafted(0, 1), StateKeys.Crafted(0, 3), StateKeys.Crafted(0x80, 0) };
        tree.Commit(1, keys.Select((k, i) => StateChange.Set(k, StateKeys.Value(i))));
        var deepest = tree.Prove(keys[0], 1);
        Assert.Equal(256, deepest.Siblings.Count);
        for (var i = 0; i < keys.Length; i++)
            Assert.True(StateProofVerifier.VerifyInclusion(tree.RootOf(1), keys[i], StateKeys.Value(i), tree.Prove(keys[i], 1)));
        Assert.True(StateProofVerifier.VerifyExclusion(tree.RootOf(1), StateKeys.Crafted(0, 2), tree.Prove(StateKeys.Crafted(0, 2), 1)));
    }
}
