using BriOrleans.Crypto;
using BriOrleans.Grains.State;

namespace BriOrleans.Storage.Tests;

/// <summary>The node cache's packed form gives back every shape of node exactly.</summary>
public class CachedStateNodeTests
{
    private static readonly Hash256 A = Keccak.Hash([1]);
    private static readonly Hash256 B = Keccak.Hash([2]);

    public static TheoryData<StateNode> Nodes() =>
    [
        new StateLeafNode(A, B),
        new StateLeafNode(Hash256.Zero, Hash256.Zero),
        new StateInternalNode(new StateNodeRef(A, 3, true), new StateNodeRef(B, ulong.MaxValue, false)),
        new StateInternalNode(new StateNodeRef(A, 0, false), new StateNodeRef(B, 9, true)),
        new StateInternalNode(new StateNodeRef(A, 5, false), null),
        new StateInternalNode(null, new StateNodeRef(B, 7, false)),
    ];

    [Theory]
    [MemberData(nameof(Nodes))]
    public void A_node_packed_for_the_cache_unpacks_equal_to_itself(StateNode node)
    {
        var unpacked = CachedStateNode.Of(node).ToNode();

        Assert.Equal(node, unpacked);
        Assert.NotSame(node, unpacked);
        Assert.Equal(StateNodeCodec.Encode(node), StateNodeCodec.Encode(unpacked));
    }
}
