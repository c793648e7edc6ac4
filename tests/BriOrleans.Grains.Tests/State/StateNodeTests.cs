using BriOrleans.Crypto;

namespace BriOrleans.Grains.Tests.State;

/// <summary>The stored shapes refuse what a path-compressed tree never holds, so a corrupt store is caught on load.</summary>
public class StateNodeTests
{
    private static readonly StateNodeRef Leaf = new(StateKeys.Grain(1), 1, IsLeaf: true);
    private static readonly StateNodeRef Inner = new(StateKeys.Grain(2), 1, IsLeaf: false);

    [Fact]
    public void An_internal_node_holds_two_children_or_one_internal_child()
    {
        Assert.Equal(Leaf, new StateInternalNode(Leaf, Leaf).Left);
        Assert.Equal(Inner, new StateInternalNode(null, Inner).Right);
        Assert.Equal(Inner, new StateInternalNode(Inner, null).Child(0));
    }

    [Fact]
    public void An_internal_node_with_a_lone_leaf_or_no_child_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new StateInternalNode(Leaf, null));
        Assert.Throws<ArgumentException>(() => new StateInternalNode(null, Leaf));
        Assert.Throws<ArgumentException>(() => new StateInternalNode(null, null));
    }

    [Fact]
    public void A_path_keeps_only_the_bits_above_its_depth()
    {
        var key = StateKeys.Crafted(0b1011_0111, 0xFF);
        var path = StateTreePath.Of(key, 3);
        Assert.Equal(StateKeys.Crafted(0b1010_0000, 0), path.Prefix);
        Assert.Equal("0b101", path.ToString());
        Assert.Equal(path.Child(1), StateTreePath.Of(key, 4));
        Assert.Equal(key, StateTreePath.Of(key, 256).Prefix);
        Assert.Equal(StateTreePath.Root, StateTreePath.Of(key, 0));
    }

    [Fact]
    public void A_path_with_bits_below_its_depth_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new StateTreePath(StateKeys.Crafted(0b1010_0000, 0), 2));
        Assert.Contains("only zero bits after its first 2", error.Message);
    }

    [Fact]
    public void A_store_refuses_a_batch_writing_a_node_of_another_version()
    {
        var store = new InMemoryStateNodeStore();
        var node = new StateLeafNode(StateKeys.Grain(1), StateKeys.Value(1));
        var batch = new StateTreeBatch(2, null, Leaf, [new StateNodeEntry(new StateNodeKey(1, StateTreePath.Root), node)], []);
        var error = Assert.Throws<InvalidOperationException>(() => store.Write(batch));
        Assert.Contains("writes node root@1 of another version", error.Message);
    }

    [Fact]
    public void A_tree_refuses_a_store_that_lost_a_node()
    {
        var store = new InMemoryStateNodeStore();
        store.Write(new StateTreeBatch(1, null, new StateNodeRef(Hash256.Zero, 1, IsLeaf: true), [], []));
        var error = Assert.Throws<InvalidOperationException>(() => new StateTree(store).Prove(StateKeys.Grain(1), 1));
        Assert.Contains("node root@1 is missing", error.Message);
    }
}
