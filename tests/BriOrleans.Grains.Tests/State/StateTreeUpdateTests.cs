using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>Batches of changes: roots, deletes, order, and what a batch writes and makes stale.</summary>
public class StateTreeUpdateTests
{
    private static StateChange Set(int i) => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i));

    [Fact]
    public void The_root_of_an_empty_state_is_zero()
    {
        var tree = StateKeys.NewTree();
        var batch = tree.Commit(1, []);
        Assert.Equal(Hash256.Zero, batch.RootHash);
        Assert.Equal(Hash256.Zero, tree.RootOf(1));
        Assert.Empty(batch.NewNodes);
    }

    [Fact]
    public void A_state_of_one_leaf_has_that_leaf_as_its_root()
    {
        var tree = StateKeys.NewTree();
        var batch = tree.Commit(1, [Set(1)]);
        Assert.Equal(StateTreeScheme.LeafHash(StateKeys.Grain(1), StateKeys.Value(1)), batch.RootHash);
        var written = Assert.Single(batch.NewNodes);
        Assert.Equal(new StateNodeKey(1, StateTreePath.Root), written.Key);
        Assert.Equal(new StateLeafNode(StateKeys.Grain(1), StateKeys.Value(1)), written.Node);
    }

    [Fact]
    public void The_root_equals_the_definition_computed_from_the_whole_state()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, 300).Select(Set));
        var state = Enumerable.Range(0, 300).ToDictionary(StateKeys.Grain, StateKeys.Value);
        Assert.Equal(ReferenceStateRoot.Of(state), tree.RootOf(1));
    }

    [Fact]
    public void The_order_of_a_batchs_changes_does_not_change_the_root_or_what_is_written()
    {
        var changes = Enumerable.Range(0, 100).Select(Set).ToList();
        var forward = StateKeys.NewTree();
        var backward = StateKeys.NewTree();
        var a = forward.Commit(1, changes);
        var b = backward.Commit(1, Enumerable.Reverse(changes));
        Assert.Equal(a.RootHash, b.RootHash);
        Assert.Equal(a.NewNodes, b.NewNodes);

        var edits = Enumerable.Range(50, 100).Select(i => i % 3 == 0 ? StateChange.Delete(StateKeys.Grain(i)) : Set(i + 1000)).ToList();
        var c = forward.Commit(2, edits);
        var d = backward.Commit(2, edits.OrderBy(e => StateTreeScheme.KeyOf(e.Key.ToString())));
        Assert.Equal(c.RootHash, d.RootHash);
        Assert.Equal(c.NewNodes, d.NewNodes);
        Assert.Equal(c.StaleNodes, d.StaleNodes);
    }

    [Fact]
    public void Deleting_every_key_returns_the_root_to_zero()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, 40).Select(Set));
        var batch = tree.Commit(2, Enumerable.Range(0, 40).Select(i => StateChange.Delete(StateKeys.Grain(i))));
        Assert.Equal(Hash256.Zero, batch.RootHash);
        Assert.Empty(batch.NewNodes);
    }

    [Fact]
    public void Deleting_a_key_leaves_the_root_of_a_state_that_never_had_it()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, 40).Select(Set));
        tree.Commit(2, [StateChange.Delete(StateKeys.Grain(17))]);
        Assert.Equal(ReferenceStateRoot.Of(Enumerable.Range(0, 40).Where(i => i != 17).ToDictionary(StateKeys.Grain, StateKeys.Value)), tree.RootOf(2));
        Assert.Null(tree.Get(StateKeys.Grain(17), 2));
        Assert.Equal(StateKeys.Value(17), tree.Get(StateKeys.Grain(17), 1));
    }

    [Fact]
    public void A_leaf_left_alone_by_deletes_rises_to_where_its_siblings_were()
    {
        var tree = StateKeys.NewTree();
        var keys = new[] { StateKeys.Crafted(0, 0), StateKeys.Crafted(0, 1), StateKeys.Crafted(0x80, 0) };
        tree.Commit(1, keys.Select((k, i) => StateChange.Set(k, StateKeys.Value(i))));
        tree.Commit(2, [StateChange.Delete(keys[1]), StateChange.Delete(keys[2])]);
        Assert.Equal(StateTreeScheme.LeafHash(keys[0], StateKeys.Value(0)), tree.RootOf(2));
        Assert.Empty(tree.Prove(keys[0], 2).Siblings);
    }

    [Fact]
    public void A_batch_that_changes_nothing_writes_nothing_and_keeps_the_root()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, 30).Select(Set));
        var batch = tree.Commit(2, [Set(3), Set(12), StateChange.Delete(StateKeys.Grain(99))]);
        Assert.Equal(tree.RootOf(1), batch.RootHash);
        Assert.Empty(batch.NewNodes);
        Assert.Empty(batch.StaleNodes);
    }

    [Fact]
    public void Changing_one_value_rewrites_exactly_its_path_and_makes_the_old_path_stale()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, 64).Select(Set));
        var depth = tree.Prove(StateKeys.Grain(5), 1).Siblings.Count;
        var batch = tree.Commit(2, [StateChange.Set(StateKeys.Grain(5), StateKeys.Value(500))]);
        Assert.Equal(depth + 1, batch.NewNodes.Count);
        Assert.Equal(depth + 1, batch.StaleNodes.Count);
        Assert.All(batch.StaleNodes, key => Assert.Equal(1ul, key.Version));
    }

    [Fact]
    public void A_key_named_twice_in_one_batch_is_refused()
    {
        var tree = StateKeys.NewTree();
        var error = Assert.Throws<ArgumentException>(() => tree.Update(1, [Set(1), StateChange.Delete(StateKeys.Grain(1))]));
        Assert.Contains(StateKeys.Grain(1).ToString(), error.Message);
    }

    [Fact]
    public void A_version_not_after_the_latest_is_refused()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(5, [Set(1)]);
        var error = Assert.Throws<ArgumentException>(() => tree.Update(5, [Set(2)]));
        Assert.Contains("after the latest version 5", error.Message);
    }

    [Fact]
    public void Update_computes_a_batch_without_writing_it()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, [Set(1)]);
        var batch = tree.Update(2, [Set(2)]);
        Assert.Equal(1ul, tree.LatestVersion);
        Assert.Equal(1ul, batch.BaseVersion);
        Assert.Throws<ArgumentException>(() => tree.RootOf(2));
    }
}
