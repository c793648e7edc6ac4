namespace BriOrleans.Grains.Tests.State;

/// <summary>
/// An update asks its store for the nodes on its paths depth by depth, before it walks them: a database store
/// then answers each depth in one round trip instead of one per node.
/// </summary>
public class StateTreePrefetchTests
{
    // Records what the update asks for: nodes in batches (GetNodes), or one at a time (GetNode).
    private sealed class RecordingStore(InMemoryStateNodeStore inner, bool readsTogether = true) : IStateNodeStore
    {
        public List<StateNodeKey[]> Batches { get; } = [];
        public List<StateNodeKey> Singles { get; } = [];

        public ulong? LatestVersion => inner.LatestVersion;
        public ulong? OldestVersion => inner.OldestVersion;
        public StateTreeRoot? GetRoot(ulong version) => inner.GetRoot(version);

        public StateNode? GetNode(StateNodeKey key)
        {
            Singles.Add(key);
            return inner.GetNode(key);
        }

        public IReadOnlyList<StateNode?> GetNodes(IReadOnlyList<StateNodeKey> keys)
        {
            Batches.Add([.. keys]);
            return [.. keys.Select(inner.GetNode)];
        }

        public bool ReadsNodesTogether => readsTogether;

        public void Write(StateTreeBatch batch) => inner.Write(batch);
        public void RemoveVersionsAfter(ulong version) => inner.RemoveVersionsAfter(version);
        public void RemoveVersionsBefore(ulong version) => inner.RemoveVersionsBefore(version);
    }

    [Fact]
    public void Every_node_an_update_reads_was_asked_for_in_one_batch_per_depth_first()
    {
        var store = new RecordingStore(new InMemoryStateNodeStore());
        var tree = new StateTree(store);
        var plain = StateKeys.NewTree();
        var genesis = Enumerable.Range(0, 5_000).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))).ToList();
        tree.Commit(1, genesis);
        plain.Commit(1, genesis);
        store.Batches.Clear();
        store.Singles.Clear();

        // Updates of existing keys and inserts of new ones, spread over the whole tree.
        var changes = Enumerable.Range(0, 300).Select(i => StateChange.Set(StateKeys.Grain(i * 16), StateKeys.Value(-i)))
            .Concat(Enumerable.Range(5_000, 300).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))))
            .ToList();
        var batch = tree.Update(2, changes);

        var asked = store.Batches.SelectMany(b => b).ToHashSet();
        Assert.NotEmpty(store.Singles);
        Assert.All(store.Singles, key => Assert.Contains(key, asked));
        // One batch per depth: paths in 5,000 random keys end about 12 to 20 deep.
        Assert.All(store.Batches, b => Assert.Single(b.Select(k => k.Path.Depth).Distinct()));
        Assert.Equal(store.Batches.Count, store.Batches.Select(b => b[0].Path.Depth).Distinct().Count());
        Assert.InRange(store.Batches.Count, 10, 30);
        Assert.Equal(plain.Update(2, changes).RootHash, batch.RootHash);
    }

    // Reading ahead from a store that reads node by node would only read every node twice.
    [Fact]
    public void A_store_that_reads_node_by_node_is_not_read_ahead()
    {
        var store = new RecordingStore(new InMemoryStateNodeStore(), readsTogether: false);
        var tree = new StateTree(store);
        tree.Commit(1, Enumerable.Range(0, 500).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))));

        tree.Update(2, Enumerable.Range(0, 50).Select(i => StateChange.Set(StateKeys.Grain(i * 7), StateKeys.Value(-i))));

        Assert.Empty(store.Batches);
        Assert.NotEmpty(store.Singles);
    }

    [Fact]
    public void A_first_version_asks_for_nothing()
    {
        var store = new RecordingStore(new InMemoryStateNodeStore());

        new StateTree(store).Update(1, [StateChange.Set(StateKeys.Grain(1), StateKeys.Value(1))]);

        Assert.Empty(store.Batches);
        Assert.Empty(store.Singles);
    }
}
