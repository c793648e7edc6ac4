using BriOrleans.StateProofs;

namespace BriOrleans.Storage.Tests;

/// <summary>The state tree over the database store behaves exactly as over the in-memory store: same roots, proofs, rollback and pruning.</summary>
public class StateTreeOverDatabaseTests
{
    private const int Keys = 300;

    private static Hash256 Key(int i) => StateTreeScheme.KeyOf($"account/{i}");

    // Version v sets 40 keys, deletes 10 and leaves the rest: inserts, updates and deletes at every depth.
    private static IReadOnlyList<StateChange> ChangesOf(ulong version)
    {
        var v = (int)version;
        return Enumerable.Range(0, 40).Select(i => StateChange.Set(Key((i * 7 + v * 31) % Keys), StateTreeScheme.ValueOf(BitConverter.GetBytes(v * 1000 + i))))
            .Concat(Enumerable.Range(0, 10).Select(i => StateChange.Delete(Key((i * 13 + v * 17 + 3) % Keys))))
            .DistinctBy(c => c.Key)
            .ToList();
    }

    private static string ProofsOf(StateTree tree, ulong version) =>
        string.Join("\n", Enumerable.Range(0, Keys).Select(i => tree.Prove(Key(i), version).ToJson()));

    [Theory, Providers]
    public async Task The_database_store_gives_the_same_roots_and_proofs_as_the_memory_store_even_after_reopen(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var memory = new StateTree(new InMemoryStateNodeStore());
        await using (var database = await test.OpenDatabaseAsync())
        await using (var store = await DatabaseStateNodeStore.OpenAsync(database))
        {
            var tree = new StateTree(store);
            for (ulong version = 1; version <= 12; version++)
                Assert.Equal(memory.Commit(version, ChangesOf(version)).RootHash, tree.Commit(version, ChangesOf(version)).RootHash);
        }

        await using var reopenedDatabase = await test.OpenDatabaseAsync();
        // A one-node cache: every read below goes to the database.
        await using var reopened = await DatabaseStateNodeStore.OpenAsync(reopenedDatabase, nodeCacheCapacity: 1);
        var fromDisk = new StateTree(reopened);
        Assert.Equal((ulong?)1, reopened.OldestVersion);
        Assert.Equal((ulong?)12, reopened.LatestVersion);
        foreach (var version in new ulong[] { 1, 6, 12 })
        {
            Assert.Equal(memory.RootOf(version), fromDisk.RootOf(version));
            Assert.Equal(ProofsOf(memory, version), ProofsOf(fromDisk, version));
        }
        Assert.Equal(memory.Commit(13, ChangesOf(13)).RootHash, fromDisk.Commit(13, ChangesOf(13)).RootHash);
    }

    // More keys than one statement carries, most of them not cached, some stored under no key at all.
    [Theory, Providers]
    public async Task Nodes_read_together_are_the_nodes_read_one_by_one(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var written = new List<StateNodeKey>();
        await using (var database = await test.OpenDatabaseAsync())
        await using (var store = await DatabaseStateNodeStore.OpenAsync(database))
        {
            var tree = new StateTree(store);
            for (ulong version = 1; version <= 12; version++)
                written.AddRange(tree.Commit(version, ChangesOf(version)).NewNodes.Select(n => n.Key));
        }
        Assert.True(written.Count > DatabaseStateNodeStore.NodesPerRead, $"{written.Count} nodes");
        List<StateNodeKey> keys = [.. written, .. written.Take(50).Select(k => k with { Version = 99 })];
        keys = [.. keys.OrderBy(k => StateTreeScheme.KeyOf(k.ToString()))];

        await using var reopenedDatabase = await test.OpenDatabaseAsync();
        await using var reopened = await DatabaseStateNodeStore.OpenAsync(reopenedDatabase, nodeCacheCapacity: 100);
        Assert.Equal(provider == TestDatabase.Postgres, reopened.ReadsNodesTogether);
        var together = reopened.GetNodes(keys);
        var oneByOne = keys.Select(reopened.GetNode).ToList();

        Assert.Equal(oneByOne, together);
        Assert.Equal(50, together.Count(n => n is null));
    }

    [Theory, Providers]
    public async Task Rollback_and_pruning_keep_the_same_versions_and_nodes_as_the_memory_store(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var memoryStore = new InMemoryStateNodeStore();
        var memory = new StateTree(memoryStore);
        await using var database = await test.OpenDatabaseAsync();
        await using var store = await DatabaseStateNodeStore.OpenAsync(database);
        var tree = new StateTree(store);
        for (ulong version = 1; version <= 8; version++)
        {
            memory.Commit(version, ChangesOf(version));
            tree.Commit(version, ChangesOf(version));
        }

        memory.RollbackTo(5);
        tree.RollbackTo(5);
        Assert.Equal(memoryStore.NodeCount, store.NodeCount);
        memory.Commit(6, ChangesOf(60));
        tree.Commit(6, ChangesOf(60));
        memory.Prune(4);
        tree.Prune(4);

        Assert.Equal(memoryStore.NodeCount, store.NodeCount);
        Assert.Equal((ulong?)4, store.OldestVersion);
        Assert.Equal((ulong?)6, store.LatestVersion);
        Assert.Null(store.GetRoot(3));
        foreach (var version in new ulong[] { 4, 5, 6 })
            Assert.Equal(ProofsOf(memory, version), ProofsOf(tree, version));
    }

    [Theory, Providers]
    public async Task A_batch_not_computed_on_the_latest_version_is_refused(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var database = await test.OpenDatabaseAsync();
        await using var store = await DatabaseStateNodeStore.OpenAsync(database);
        var tree = new StateTree(store);
        var stale = tree.Update(1, ChangesOf(1));
        tree.Commit(1, ChangesOf(1));

        var refused = Assert.Throws<InvalidOperationException>(() => store.Write(stale));

        Assert.Contains("computed on version none but the latest stored version is 1", refused.Message);
    }

    [Fact]
    public void Stored_nodes_decode_to_what_was_encoded()
    {
        var leaf = new StateLeafNode(Key(1), Key(2));
        var inner = new StateInternalNode(new StateNodeRef(Key(3), 7, IsLeaf: true), new StateNodeRef(Key(4), ulong.MaxValue, IsLeaf: false));
        var oneSided = new StateInternalNode(null, new StateNodeRef(Key(5), 0, IsLeaf: false));

        foreach (StateNode node in new StateNode[] { leaf, inner, oneSided })
            Assert.Equal(node, StateNodeCodec.Decode(StateNodeCodec.Encode(node)));
        Assert.Throws<InvalidDataException>(() => StateNodeCodec.Decode([0x07, 1, 2]));
    }
}
