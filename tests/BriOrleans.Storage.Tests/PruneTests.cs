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

    private static async Task<long> HistoryRowsAsync(TestDatabase test)
    {
        await using var database = await test.OpenDatabaseAsync();
        return (await database.QueryAsync("SELECT COUNT(*) FROM grain_states", r => r.GetInt64(0), CancellationToken.None))[0];
    }
}
