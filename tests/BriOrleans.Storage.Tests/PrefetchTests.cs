namespace BriOrleans.Storage.Tests;

/// <summary>
/// Prefetching grain state before an epoch is a hint: every read after it returns what a store that never
/// prefetched returns — records found, absent, cleared, rewritten, staged, committed later, or rolled back.
/// </summary>
public class PrefetchTests
{
    private static (GrainId, string)[] Records(int count) => [.. Enumerable.Range(0, count).Select(i => (EpochRunner.Grain(i), "state"))];

    // Grains 0-3 written, 1 cleared, 3 rewritten, 4 and 5 never written.
    private static async Task SeedAsync(LedgerStore store)
    {
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, [new(EpochRunner.Grain(0), 10), new(EpochRunner.Grain(1), 11), new(EpochRunner.Grain(3), 13)]);
        await runner.ExecuteAsync(1, [new(EpochRunner.Grain(1), null), new(EpochRunner.Grain(2), 12), new(EpochRunner.Grain(3), 33)]);
    }

    private static async Task<string?> EtagAsync(IGrainStorage storage, int grain)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("state", EpochRunner.Grain(grain), state);
        return state.ETag;
    }

    [Theory, Providers]
    public async Task Prefetched_records_read_as_a_store_that_never_prefetched_reads_them(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var seeding = await test.OpenStoreAsync())
            await SeedAsync(seeding);
        IReadOnlyList<int?> plain;
        string?[] plainEtags;
        await using (var cold = await test.OpenStoreAsync())
        {
            plain = await EpochRunner.ReadCountersAsync(cold.GrainStorage, 6);
            plainEtags = [.. await Task.WhenAll(Enumerable.Range(0, 6).Select(i => EtagAsync(cold.GrainStorage, i)))];
        }

        await using var store = await test.OpenStoreAsync();
        await store.GrainStorage.PrefetchAsync(Records(6));

        Assert.Equal([10, null, 12, 33, null, null], plain);
        Assert.Equal(plain, await EpochRunner.ReadCountersAsync(store.GrainStorage, 6));
        Assert.Equal(plainEtags, await Task.WhenAll(Enumerable.Range(0, 6).Select(i => EtagAsync(store.GrainStorage, i))));
    }

    [Theory, Providers]
    public async Task Prefetching_more_records_than_one_query_carries_reads_every_one(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var seeding = await test.OpenStoreAsync())
            await new EpochRunner(seeding).ExecuteAsync(0, [.. Enumerable.Range(0, 1200).Where(i => i % 3 != 0).Select(i => new GrainChange(EpochRunner.Grain(i), i))]);
        await using var store = await test.OpenStoreAsync();

        await store.GrainStorage.PrefetchAsync(Records(1200));

        Assert.Equal(Enumerable.Range(0, 1200).Select(i => i % 3 == 0 ? (int?)null : i), await EpochRunner.ReadCountersAsync(store.GrainStorage, 1200));
    }

    [Theory, Providers]
    public async Task A_record_prefetched_as_absent_is_read_once_a_later_epoch_commits_it(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        await SeedAsync(store);
        await store.GrainStorage.PrefetchAsync(Records(6));

        await new EpochRunner(store).ExecuteAsync(2, [new(EpochRunner.Grain(4), 44), new(EpochRunner.Grain(1), 21)]);

        Assert.Equal([10, 21, 12, 33, 44, null], await EpochRunner.ReadCountersAsync(store.GrainStorage, 6));
    }

    [Theory, Providers]
    public async Task Prefetching_during_an_epoch_keeps_what_the_epoch_staged(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        await SeedAsync(store);
        store.GrainStorage.BeginEpoch(2);
        await EpochRunner.ApplyAsync(store.GrainStorage, new GrainChange(EpochRunner.Grain(0), 77), "staged");
        await EpochRunner.ApplyAsync(store.GrainStorage, new GrainChange(EpochRunner.Grain(5), 55), "staged");

        await store.GrainStorage.PrefetchAsync(Records(6));

        Assert.Equal([77, null, 12, 33, null, 55], await EpochRunner.ReadCountersAsync(store.GrainStorage, 6));
    }

    [Theory, Providers]
    public async Task Records_prefetched_before_a_rollback_read_as_the_rolled_back_state(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        await SeedAsync(store);
        await store.GrainStorage.PrefetchAsync(Records(6));

        await store.RollbackToEpochAsync(0);

        Assert.Equal([10, 11, null, 13, null, null], await EpochRunner.ReadCountersAsync(store.GrainStorage, 6));
    }
}
