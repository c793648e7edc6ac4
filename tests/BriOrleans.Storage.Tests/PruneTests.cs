namespace BriOrleans.Storage.Tests;

/// <summary>Finality prunes what only a deep rollback needed: storage stops growing with history, and rollback stops at the pruned epoch.</summary>
public class PruneTests
{
    private const int Grains = 6;

    // Every epoch rewrites every grain, so each record gains one history row per epoch.
    private static GrainChange[] ChangesOf(ulong epoch) =>
        Enumerable.Range(0, Grains).Select(i => new GrainChange(EpochRunner.Grain(i), (int)epoch * 10 + i)).ToArray();

    [Theory, Providers]
    public async Task After_pruning_the_kept_epochs_still_roll_back_exactly_and_older_ones_are_refused(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        IReadOnlyList<int?> atThree = [];
        for (ulong epoch = 0; epoch <= 5; epoch++)
        {
            await runner.ExecuteAsync(epoch, ChangesOf(epoch));
            if (epoch == 3)
                atThree = await EpochRunner.ReadCountersAsync(store.GrainStorage, Grains);
        }
        var rootAtThree = runner.Tree.RootOf(3);
        var nodesBefore = store.StateNodes.NodeCount;

        await store.PruneBeforeAsync(3);

        Assert.Equal((ulong?)3, store.StateNodes.OldestVersion);
        Assert.True(store.StateNodes.NodeCount < nodesBefore);
        Assert.Equal(Grains * 3, await HistoryRowsAsync(test));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.RollbackToEpochAsync(2));
        Assert.Contains("no longer retained", refused.Message);
        await store.RollbackToEpochAsync(3);
        Assert.Equal(atThree, await EpochRunner.ReadCountersAsync(store.GrainStorage, Grains));
        Assert.Equal(rootAtThree, runner.Tree.RootOf(3));
        Assert.NotNull(await store.GetEpochAsync(1));
    }

    [Theory, Providers]
    public async Task A_record_last_written_before_the_pruned_epoch_keeps_its_row(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, [new(EpochRunner.Grain(0), 1), new(EpochRunner.Grain(1), 1)]);
        await runner.ExecuteAsync(1, [new(EpochRunner.Grain(0), 2)]);
        await runner.ExecuteAsync(2, [new(EpochRunner.Grain(0), 3)]);

        await store.PruneBeforeAsync(2);
        await store.DisposeAsync();
        await using var reopened = await test.OpenStoreAsync();

        Assert.Equal([3, 1], await EpochRunner.ReadCountersAsync(reopened.GrainStorage, 2));
        Assert.Equal(2, await HistoryRowsAsync(test));
        Assert.Equal((ulong?)2, reopened.StateNodes.OldestVersion);
    }

    [Theory, Providers]
    public async Task Nodes_made_stale_under_schema_version_1_are_pruned_after_the_upgrade(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        long prunedNodes;
        await using (var store = await test.OpenStoreAsync())
        {
            var runner = new EpochRunner(store);
            for (ulong epoch = 0; epoch <= 3; epoch++)
                await runner.ExecuteAsync(epoch, ChangesOf(epoch));
        }
        // A twin database pruned by this build gives the node count to expect.
        await using (var twin = await TestDatabase.CreateAsync(provider))
        await using (var store = await twin.OpenStoreAsync())
        {
            var runner = new EpochRunner(store);
            for (ulong epoch = 0; epoch <= 3; epoch++)
                await runner.ExecuteAsync(epoch, ChangesOf(epoch));
            await store.PruneBeforeAsync(3);
            prunedNodes = store.StateNodes.NodeCount;
        }
        await DowngradeToVersion1Async(test);

        await using var upgraded = await test.OpenStoreAsync();
        Assert.Equal(LedgerSchema.CurrentVersion, (await test.OpenDatabaseAsync()).SchemaVersion);
        var before = upgraded.StateNodes.NodeCount;
        await upgraded.PruneBeforeAsync(3);

        Assert.True(prunedNodes < before);
        Assert.Equal(prunedNodes, upgraded.StateNodes.NodeCount);
        await using var database = await test.OpenDatabaseAsync();
        Assert.Equal([0L], await database.QueryAsync("SELECT COUNT(*) FROM state_stale_nodes WHERE stale_since <= 3", r => r.GetInt64(0), CancellationToken.None));
    }

    /// <summary>Rewrites the stale-node lists as schema version 1 kept them, one row per node, and marks the database version 1.</summary>
    private static async Task DowngradeToVersion1Async(TestDatabase test)
    {
        await using var database = await test.OpenDatabaseAsync();
        await using var connection = await database.Dialect.OpenConnectionAsync(CancellationToken.None);
        await SchemaDowngrade.ToVersion2Async(connection, database);
        var lists = await connection.QueryAsync(null, "SELECT stale_since, nodes FROM state_stale_versions", r => (r.GetInt64(0), r.Bytes(1)), CancellationToken.None);
        Assert.NotEmpty(lists);
        foreach (var (staleSince, nodes) in lists)
            foreach (var key in StaleNodeList.Decode(nodes))
                await connection.ExecuteAsync(null, "INSERT INTO state_stale_nodes (stale_since, version, depth, prefix) VALUES (@s, @v, @d, @p)",
                    CancellationToken.None, ("s", staleSince), ("v", key.Version), ("d", key.Depth), ("p", key.Prefix));
        await connection.ExecuteAsync(null, "DROP TABLE state_stale_versions", CancellationToken.None);
        await connection.ExecuteAsync(null, "UPDATE schema_version SET version = 1", CancellationToken.None);
    }

    private static async Task<long> HistoryRowsAsync(TestDatabase test)
    {
        await using var database = await test.OpenDatabaseAsync();
        return (await database.QueryAsync("SELECT COUNT(*) FROM grain_states", r => r.GetInt64(0), CancellationToken.None))[0];
    }
}
