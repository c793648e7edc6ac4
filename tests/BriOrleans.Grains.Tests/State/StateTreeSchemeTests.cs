using BriOrleans.Crypto;
using BriOrleans.StateProofs;
using Org.BouncyCastle.Crypto.Digests;

namespace BriOrleans.Grains.Tests.State;

/// <summary>
/// The hashing scheme pinned byte for byte. The expected roots were computed by a separate Keccak-256 and
/// tree written from the specification alone, so other verifiers can check themselves against them.
/// </summary>
public class StateTreeSchemeTests
{
    private static Hash256 Keccak(params byte[][] parts)
    {
        var digest = new KeccakDigest(256);
        foreach (var part in parts)
            digest.BlockUpdate(part, 0, part.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return new Hash256(output);
    }

    private static readonly (string Grain, string State)[] ThreeGrains =
        [("account/alice", "alice-state"), ("shipment/SH-1", "sh1-state"), ("contract/C-7", "c7-state")];

    private static StateTree TreeOf(IEnumerable<(string Grain, string State)> grains)
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, grains.Select(g => StateChange.Set(
            StateTreeScheme.KeyOf(g.Grain), StateTreeScheme.ValueOf(System.Text.Encoding.UTF8.GetBytes(g.State)))));
        return tree;
    }

    [Fact]
    public void A_grain_key_is_the_keccak_256_of_its_utf8_grain_id()
    {
        Assert.Equal(Hash256.Parse("0x999f9c19481513e3e6a829e204583c6efd8c36c990af9c4bf66894dc3cb30813"),
            StateTreeScheme.KeyOf("account/alice"));
    }

    [Fact]
    public void A_leaf_hashes_a_zero_byte_then_its_key_then_its_value()
    {
        var key = StateKeys.Grain(1);
        var value = StateKeys.Value(1);
        Assert.Equal(Keccak([0x00], key.ToArray(), value.ToArray()), StateTreeScheme.LeafHash(key, value));
    }

    [Fact]
    public void An_internal_node_hashes_a_one_byte_then_its_left_then_its_right_child()
    {
        var left = StateKeys.Grain(1);
        var right = StateKeys.Grain(2);
        Assert.Equal(Keccak([0x01], left.ToArray(), right.ToArray()), StateTreeScheme.InternalHash(left, right));
    }

    [Fact]
    public void The_root_of_one_grain_matches_the_independent_vector()
    {
        Assert.Equal(Hash256.Parse("0xd66ca04fa740064f401128e6d9b3988f85e33241820af92885bd0a14e1f01b07"),
            TreeOf(ThreeGrains.Take(1)).RootOf(1));
    }

    [Fact]
    public void The_root_of_three_grains_matches_the_independent_vector()
    {
        Assert.Equal(Hash256.Parse("0xde66be959e7b85d32ca568caac3e66a3ebe41dad75f1123e9d6e500015a75814"),
            TreeOf(ThreeGrains).RootOf(1));
    }

    [Fact]
    public void The_root_of_keys_sharing_255_bits_matches_the_independent_vector()
    {
        var value = new Hash256(Enumerable.Repeat((byte)0x11, 32).ToArray());
        var tree = StateKeys.NewTree();
        tree.Commit(1, new byte[] { 0x00, 0x01 }.Select(last => StateChange.Set(StateKeys.Crafted(0, last), value))
            .Append(StateChange.Set(StateKeys.Crafted(0x80, 0), value)));
        Assert.Equal(Hash256.Parse("0xf38e3fd6ddc540e61b1ea78222613c5464e2eef546e744becabd44e04a601fb1"), tree.RootOf(1));
    }

    [Fact]
    public void Bits_are_read_from_the_most_significant_bit_of_the_first_byte()
    {
        var key = StateKeys.Crafted(0b0100_0000, 0b0000_0001);
        Assert.Equal([0, 1, 0], Enumerable.Range(0, 3).Select(d => StateTreeScheme.BitAt(key, d)));
        Assert.Equal(1, StateTreeScheme.BitAt(key, 255));
        Assert.Equal(0, StateTreeScheme.BitAt(key, 254));
    }

    [Fact]
    public void The_common_prefix_of_two_keys_ends_at_their_first_different_bit()
    {
        Assert.Equal(1, StateTreeScheme.CommonPrefixLength(StateKeys.Crafted(0x80, 0), StateKeys.Crafted(0xC0, 0)));
        Assert.Equal(255, StateTreeScheme.CommonPrefixLength(StateKeys.Crafted(0, 0), StateKeys.Crafted(0, 1)));
        Assert.Equal(256, StateTreeScheme.CommonPrefixLength(StateKeys.Grain(3), StateKeys.Grain(3)));
    }
}
