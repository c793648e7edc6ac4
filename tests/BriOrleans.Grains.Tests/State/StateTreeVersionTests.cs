using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>Versions: every retained one stays readable and provable; rollback and pruning keep exactly what they must.</summary>
public class StateTreeVersionTests
{
    private readonly InMemoryStateNodeStore _store = new();
    private readonly StateTree _tree;

    public StateTreeVersionTests()
    {
        _tree = new StateTree(_store);
        // Five epochs over 60 grains: each sets ten values and deletes three keys.
        for (ulong epoch = 1; epoch <= 5; epoch++)
        {
            var e = (int)epoch;
            _tree.Commit(epoch, Enumerable.Range(0, 10).Select(i => StateChange.Set(StateKeys.Grain((i * 7 + e * 11) % 60), StateKeys.Value(i + 100 * e)))
                .Concat(Enumerable.Range(0, 3).Select(i => StateChange.Delete(StateKeys.Grain((i * 13 + e * 5 + 3) % 60))))
                .DistinctBy(c => c.Key));
        }
    }

    private IEnumerable<Hash256> Keys => Enumerable.Range(0, 60).Select(StateKeys.Grain);

    private string ProofsOf(ulong version) => string.Join("\n", Keys.Select(k => _tree.Prove(k, version).ToJson()));

    [Fact]
    public void Every_retained_version_keeps_its_own_root_and_values()
    {
        var roots = Enumerable.Range(1, 5).Select(v => _tree.RootOf((ulong)v)).ToList();
        Assert.Equal(5, roots.Distinct().Count());
        for (ulong v = 1; v <= 5; v++)
            foreach (var key in Keys)
            {
                var proof = _tree.Prove(key, v);
                Assert.True(StateProofVerifier.Verify(_tree.RootOf(v), proof));
                Assert.Equal(_tree.Get(key, v), proof.Value);
            }
    }

    [Fact]
    public void Rollback_returns_exactly_the_old_root_and_the_old_proofs()
    {
        var root = _tree.RootOf(3);
        var proofs = ProofsOf(3);
        _tree.RollbackTo(3);
        Assert.Equal(3ul, _tree.LatestVersion);
        Assert.Equal(root, _tree.RootOf(3));
        Assert.Equal(proofs, ProofsOf(3));
        Assert.Throws<ArgumentException>(() => _tree.RootOf(4));
    }

    [Fact]
    public void After_rollback_the_same_epochs_can_be_executed_differently()
    {
        _tree.RollbackTo(2);
        var batch = _tree.Commit(3, [StateChange.Set(StateKeys.Grain(1), StateKeys.Value(9999))]);
        Assert.Equal(2ul, batch.BaseVersion);
        Assert.Equal(StateKeys.Value(9999), _tree.Get(StateKeys.Grain(1), 3));
        Assert.True(StateProofVerifier.Verify(_tree.RootOf(3), _tree.Prove(StateKeys.Grain(1), 3)));
    }

    [Fact]
    public void Rollback_stores_only_the_nodes_the_remaining_versions_reach()
    {
        _tree.RollbackTo(2);
        Assert.Equal(StoredNodeWalk.Reachable(_store, 1, 2).Count, _store.NodeCount);
    }

    [Fact]
    public void Pruning_keeps_the_retained_versions_provable_and_forgets_the_older_ones()
    {
        var proofs = ProofsOf(4) + ProofsOf(5);
        _tree.Prune(4);
        Assert.Equal(proofs, ProofsOf(4) + ProofsOf(5));
        foreach (var key in Keys)
            Assert.True(StateProofVerifier.Verify(_tree.RootOf(4), _tree.Prove(key, 4)));
        var error = Assert.Throws<ArgumentException>(() => _tree.Prove(StateKeys.Grain(1), 3));
        Assert.Contains("version 3 is not retained (retained: 4 to 5)", error.Message);
    }

    [Fact]
    public void Pruning_stores_only_the_nodes_the_retained_versions_reach()
    {
        _tree.Prune(4);
        Assert.Equal(StoredNodeWalk.Reachable(_store, 4, 5).Count, _store.NodeCount);
        _tree.Prune(5);
        Assert.Equal(StoredNodeWalk.Reachable(_store, 5).Count, _store.NodeCount);
    }

    [Fact]
    public void Rollback_below_the_oldest_retained_version_is_refused()
    {
        _tree.Prune(3);
        var error = Assert.Throws<ArgumentException>(() => _tree.RollbackTo(2));
        Assert.Contains("version 2 is not retained", error.Message);
    }

    [Fact]
    public void A_batch_computed_before_another_was_written_is_refused_by_the_store()
    {
        var first = _tree.Update(6, [StateChange.Set(StateKeys.Grain(1), StateKeys.Value(1))]);
        var second = _tree.Update(7, [StateChange.Set(StateKeys.Grain(2), StateKeys.Value(2))]);
        _store.Write(first);
        var error = Assert.Throws<InvalidOperationException>(() => _store.Write(second));
        Assert.Contains("computed on version 5 but the latest stored version is 6", error.Message);
    }
}
