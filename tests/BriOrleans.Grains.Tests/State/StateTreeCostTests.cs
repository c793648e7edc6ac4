using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>
/// An epoch costs in proportion to what it changed: counted in Keccak-256 computations through the hashing
/// seam, never in time. A path in a tree of N random keys is about log2 N deep (17 for 100 000).
/// </summary>
public class StateTreeCostTests
{
    private const int Leaves = 100_000;
    private const int Changed = 10;
    // Ten paths of about 17 nodes, less the levels near the root they share: a few hundred at most.
    private const long Budget = 300;

    private static readonly Lazy<StateTree> Large = new(() =>
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, Leaves).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))));
        return tree;
    });

    private static (long Hashes, StateTreeBatch Batch) Measure(IEnumerable<StateChange> changes)
    {
        var prepared = changes.ToList();
        var tree = Large.Value;
        var before = StateHash.CountOnThisThread;
        var batch = tree.Update(2, prepared);
        return (StateHash.CountOnThisThread - before, batch);
    }

    [Fact]
    public void Changing_ten_values_in_a_hundred_thousand_leaves_costs_a_few_hundred_hashes()
    {
        var (hashes, batch) = Measure(Enumerable.Range(0, Changed).Select(i => StateChange.Set(StateKeys.Grain(i * 9973), StateKeys.Value(-i))));
        Assert.InRange(hashes, Changed, Budget);
        Assert.Equal(hashes, batch.NewNodes.Count);
    }

    [Fact]
    public void Inserting_ten_keys_into_a_hundred_thousand_leaves_costs_a_few_hundred_hashes()
    {
        var (hashes, batch) = Measure(Enumerable.Range(Leaves, Changed).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))));
        Assert.InRange(hashes, Changed, Budget);
        // Each displaced leaf moves down with the hash it already has.
        Assert.True(hashes <= batch.NewNodes.Count);
    }

    [Fact]
    public void Deleting_ten_keys_from_a_hundred_thousand_leaves_costs_a_few_hundred_hashes()
    {
        var (hashes, _) = Measure(Enumerable.Range(0, Changed).Select(i => StateChange.Delete(StateKeys.Grain(i * 7919))));
        Assert.InRange(hashes, Changed, Budget);
    }

    [Fact]
    public void Proving_a_key_reads_its_path_and_hashes_nothing()
    {
        var key = StateKeys.Grain(4242);
        var tree = Large.Value;
        var before = StateHash.CountOnThisThread;
        var proof = tree.Prove(key, 1);
        Assert.Equal(0, StateHash.CountOnThisThread - before);
        Assert.InRange(proof.Siblings.Count, 10, 40);
    }
}
