namespace BriOrleans.Storage.Tests;

/// <summary>
/// Epoch commits are pipelined one deep: a staged epoch is the state the next epoch executes on at once, while its
/// write waits for the database; only the write makes it the executed epoch. Another connection holding the
/// database's write lock keeps the write waiting for as long as a test needs.
/// </summary>
public class PipelinedCommitTests
{
    private static readonly GrainChange[] Genesis = [new(EpochRunner.Grain(0), 10), new(EpochRunner.Grain(1), 20)];

    // Caches of one entry: every read of a staged epoch's state that the cache evicted must still find it.
    private static readonly LedgerStoreOptions TinyCaches = new() { NodeCacheCapacity = 1, GrainStateCacheCapacity = 1 };

    [Theory, Providers]
    public async Task A_staged_epoch_is_served_from_memory_until_written_and_the_next_waits_for_that_write(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync(TinyCaches);
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);
        await using var other = await test.OpenDatabaseAsync();

        Task written;
        EpochCommit one;
        Task<Task> stagingTwo;
        await using (var holder = await HoldWriteLockAsync(other, provider))
        {
            one = await runner.PrepareAsync(1, [new(EpochRunner.Grain(0), 11), new(EpochRunner.Grain(2), 30), new(EpochRunner.Grain(1), null)]);
            written = await store.StageEpochAsync(one);

            Assert.False(written.IsCompleted);
            Assert.Equal(1ul, store.StagedEpoch);
            Assert.Equal(0ul, await store.LatestExecutedEpochAsync());
            Assert.Null(await store.GetEpochAsync(1));
            Assert.Equal(new LedgerCounts(0, 0, 0, 0, 0), await store.GetCountsAsync());
            Assert.Equal([11, null, 30], await EpochRunner.ReadCountersAsync(store.GrainStorage, 3));
            Assert.Equal(one.StateBatch.RootHash, runner.Tree.RootOf(1));
            Assert.Equal(one.StateWrites[0].ToStateChange().Value, runner.Tree.Get(one.StateWrites[0].ToStateChange().Key, 1));

            // Epoch 2 executes on epoch 1's state, but is applied only once epoch 1 is durable.
            var two = await runner.PrepareAsync(2, [new(EpochRunner.Grain(2), 31), new(EpochRunner.Grain(3), 40)]);
            stagingTwo = store.StageEpochAsync(two);
            Assert.False(stagingTwo.IsCompleted);
            Assert.Equal(1ul, store.StagedEpoch);
        }

        await written;
        await await stagingTwo;
        Assert.Equal(2ul, await store.LatestExecutedEpochAsync());
        Assert.Equal(new LedgerCounts(0, 2, 4, 2, 0), await store.GetCountsAsync());
        Assert.Equal(one.Epoch.StateRoot, (await store.GetEpochAsync(1))!.Record.StateRoot);
        var rootTwo = runner.Tree.RootOf(2);

        await store.DisposeAsync();
        await using var reopened = await test.OpenStoreAsync();
        Assert.Equal(2ul, await reopened.LatestExecutedEpochAsync());
        Assert.Equal([11, null, 31, 40], await EpochRunner.ReadCountersAsync(reopened.GrainStorage, 4));
        Assert.Equal(rootTwo, new StateTree(reopened.StateNodes).RootOf(2));
    }

    [Theory, Providers]
    public async Task Rollback_waits_for_the_epoch_being_written(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);
        await using var other = await test.OpenDatabaseAsync();

        Task written;
        Task rollback;
        await using (var holder = await HoldWriteLockAsync(other, provider))
        {
            written = await store.StageEpochAsync(await runner.PrepareAsync(1, [new(EpochRunner.Grain(0), 11)]));
            rollback = store.RollbackToEpochAsync(0);
            Assert.False(rollback.IsCompleted);
        }

        await written;
        await rollback;
        Assert.Equal(0ul, await store.LatestExecutedEpochAsync());
        Assert.Equal(0ul, store.StagedEpoch);
        Assert.Equal([10, 20], await EpochRunner.ReadCountersAsync(store.GrainStorage, 2));
        var again = await new EpochRunner(store).ExecuteAsync(1, [new(EpochRunner.Grain(1), 21)]);
        Assert.Equal(again.StateBatch.RootHash, new StateTree(store.StateNodes).RootOf(1));
        Assert.Equal([10, 21], await EpochRunner.ReadCountersAsync(store.GrainStorage, 2));
    }

    [Theory, Providers]
    public async Task An_epoch_staged_after_a_block_is_written_after_it(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);
        await using var other = await test.OpenDatabaseAsync();
        var block = LedgerSamples.Chain(1, transactionsEach: 3)[0];

        Task blockWritten;
        Task epochWritten;
        // On PostgreSQL only the blocks table is locked: the epoch could be written at once, but waits its turn.
        await using (var holder = await HoldWriteLockAsync(other, provider, "blocks"))
        {
            blockWritten = store.StageBlock(block, 0);
            epochWritten = await store.StageEpochAsync(await runner.PrepareAsync(1, [new(EpochRunner.Grain(0), 11)]));

            await Task.WhenAny(epochWritten, Task.Delay(TimeSpan.FromMilliseconds(300)));
            Assert.False(blockWritten.IsCompleted);
            Assert.False(epochWritten.IsCompleted);
            Assert.Equal(0ul, await store.LatestExecutedEpochAsync());
        }

        await epochWritten;
        Assert.True(blockWritten.IsCompletedSuccessfully);
        Assert.Equal(block.Encode(), (await store.GetBlockAsync(block.Id))!.Encode());
        Assert.Equal(new LedgerCounts(1, 1, 2, 1, 0), await store.GetCountsAsync());
    }

    // A write transaction of another connection: SQLite's BEGIN IMMEDIATE takes the file's write lock, and on
    // PostgreSQL an exclusive lock on a table (by default epochs, which every epoch write copies into) stops writes to it.
    private static async Task<LedgerTransaction> HoldWriteLockAsync(LedgerDatabase database, string provider, string table = "epochs")
    {
        var transaction = await database.BeginAsync(CancellationToken.None);
        if (provider == TestDatabase.Postgres)
            await transaction.ExecuteAsync($"LOCK TABLE {table} IN EXCLUSIVE MODE", CancellationToken.None);
        return transaction;
    }
}
