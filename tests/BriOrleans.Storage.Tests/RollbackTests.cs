namespace BriOrleans.Storage.Tests;

/// <summary>A pivot switch rolls back epochs not yet final: afterwards the ledger reads exactly as right after the fork epoch.</summary>
public class RollbackTests
{
    private const int Grains = 12;

    // Each epoch sets four counters, creates one grain and clears another, so rollback must restore values, absence and presence.
    private static GrainChange[] ChangesOf(ulong epoch)
    {
        var e = (int)epoch;
        return Enumerable.Range(0, 4).Select(i => new GrainChange(EpochRunner.Grain((i * 3 + e) % 8), e * 100 + i))
            .Append(new GrainChange(EpochRunner.Grain(7 + e), e))
            .Append(new GrainChange(EpochRunner.Grain((e * 5) % 7), null))
            .DistinctBy(c => c.Grain)
            .ToArray();
    }

    // Text and values only, so that two snapshots compare by content.
    private sealed record Snapshot(string Counters, Hash256 Root, string Proofs, LedgerCounts Counts);

    private static async Task<Snapshot> SnapshotAsync(LedgerStore store, EpochRunner runner, ulong epoch) => new(
        string.Join(",", await EpochRunner.ReadCountersAsync(store.GrainStorage, Grains)),
        runner.Tree.RootOf(epoch),
        string.Join("\n", Enumerable.Range(0, Grains).Select(i => runner.Tree.Prove(GrainStateKey.Of(EpochRunner.Grain(i), "state"), epoch).ToJson())),
        await store.GetCountsAsync());

    [Theory, Providers]
    public async Task Rollback_restores_exactly_the_state_root_proofs_and_counts_of_the_fork_epoch(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        Snapshot atTwo;
        IReadOnlyList<EpochCommit> undone;
        await using (var store = await test.OpenStoreAsync())
        {
            var runner = new EpochRunner(store);
            for (ulong epoch = 0; epoch <= 2; epoch++)
                await runner.ExecuteAsync(epoch, ChangesOf(epoch));
            atTwo = await SnapshotAsync(store, runner, 2);
            var later = new List<EpochCommit>();
            for (ulong epoch = 3; epoch <= 5; epoch++)
                later.Add(await runner.ExecuteAsync(epoch, ChangesOf(epoch)));
            undone = later;
            Assert.NotEqual(atTwo.Counters, string.Join(",", await EpochRunner.ReadCountersAsync(store.GrainStorage, Grains)));

            await store.RollbackToEpochAsync(2);

            Assert.Equal(atTwo, await SnapshotAsync(store, runner, 2));
            await AssertUndoneAsync(store, undone);
        }
        await using var reopened = await test.OpenStoreAsync();
        Assert.Equal(atTwo, await SnapshotAsync(reopened, new EpochRunner(reopened), 2));
        await AssertUndoneAsync(reopened, undone);
    }

    [Theory, Providers]
    public async Task After_rollback_the_next_epoch_executes_again_as_on_a_ledger_that_never_saw_the_undone_ones(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        await using var reference = await fresh.OpenStoreAsync();
        var runner = new EpochRunner(store);
        var referenceRunner = new EpochRunner(reference);
        for (ulong epoch = 0; epoch <= 3; epoch++)
            await runner.ExecuteAsync(epoch, ChangesOf(epoch));
        for (ulong epoch = 0; epoch <= 1; epoch++)
            await referenceRunner.ExecuteAsync(epoch, ChangesOf(epoch));
        GrainChange[] other = [new(EpochRunner.Grain(0), 4242), new(EpochRunner.Grain(9), null)];

        await store.RollbackToEpochAsync(1);
        var again = await runner.ExecuteAsync(2, other, receipts: 2, failed: 0);
        var expected = await referenceRunner.ExecuteAsync(2, other, receipts: 2, failed: 0);

        Assert.Equal(expected.StateBatch.RootHash, again.StateBatch.RootHash);
        Assert.Equal(await EpochRunner.ReadCountersAsync(reference.GrainStorage, Grains), await EpochRunner.ReadCountersAsync(store.GrainStorage, Grains));
        Assert.Equal(await reference.GetCountsAsync() with { Blocks = 0 }, await store.GetCountsAsync() with { Blocks = 0 });
        Assert.Equal(again.Receipts.Select(r => r.TransactionHash), (await store.GetEpochAsync(2))!.TransactionHashes);
    }

    [Theory, Providers]
    public async Task Rollback_is_refused_beyond_the_executed_epoch_and_while_an_epoch_is_staged(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, ChangesOf(0));
        await runner.ExecuteAsync(1, ChangesOf(1));

        var beyond = await Assert.ThrowsAsync<ArgumentException>(() => store.RollbackToEpochAsync(2));
        store.GrainStorage.BeginEpoch(2);
        var staged = await Assert.ThrowsAsync<InvalidOperationException>(() => store.RollbackToEpochAsync(0));

        Assert.Contains("the executed epoch is 1", beyond.Message);
        Assert.Contains("epoch 2 is in progress", staged.Message);
        Assert.Equal(1ul, await store.LatestExecutedEpochAsync());
    }

    private static async Task AssertUndoneAsync(LedgerStore store, IReadOnlyList<EpochCommit> undone)
    {
        Assert.Equal(2ul, await store.LatestExecutedEpochAsync());
        Assert.Equal(2ul, store.StateNodes.LatestVersion);
        foreach (var commit in undone)
        {
            Assert.Null(await store.GetEpochAsync(commit.Epoch.Number));
            Assert.Null(store.StateNodes.GetRoot(commit.Epoch.Number));
            foreach (var receipt in commit.Receipts)
            {
                Assert.Null(await store.GetReceiptAsync(receipt.TransactionHash));
                Assert.Empty(await store.GetTransactionLocationsAsync(receipt.TransactionHash));
            }
        }
    }
}
