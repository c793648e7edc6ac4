using BriOrleans.StateProofs;

namespace BriOrleans.Storage.Tests;

/// <summary>The ledger's grain storage: ETag-checked writes staged per epoch, committed with it, or abandoned.</summary>
public class GrainStorageTests
{
    private static readonly GrainId Shipment = GrainId.Create("shipment", "S-1");

    private static async Task<GrainState<CounterState>> ReadAsync(LedgerGrainStorage storage, GrainId grain, string stateName = "state")
    {
        var state = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    [Theory, Providers]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var storage = store.GrainStorage;
        await new EpochRunner(store).ExecuteAsync(0, [new(Shipment, 1)]);
        storage.BeginEpoch(1);
        var first = await ReadAsync(storage, Shipment);
        var second = await ReadAsync(storage, Shipment);
        first.State.Value = 2;
        await storage.WriteStateAsync("state", Shipment, first);

        second.State.Value = 3;
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", Shipment, second));
        var clearRefused = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", Shipment, second));

        Assert.Equal(first.ETag, refused.StoredEtag);
        Assert.Equal(second.ETag, refused.CurrentEtag);
        Assert.Equal(first.ETag, clearRefused.StoredEtag);
        Assert.Equal(2, (await ReadAsync(storage, Shipment)).State.Value);
        Assert.Equal(first.ETag, Assert.Single(storage.TakeStagedWrites()).ETag.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, Providers]
    public async Task Expecting_no_record_conflicts_with_a_committed_record_that_is_not_cached(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var store = await test.OpenStoreAsync())
            await new EpochRunner(store).ExecuteAsync(0, [new(Shipment, 1)]);
        await using var reopened = await test.OpenStoreAsync();
        reopened.GrainStorage.BeginEpoch(1);

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            reopened.GrainStorage.WriteStateAsync("state", Shipment, new GrainState<CounterState>(new CounterState { Value = 9 })));

        Assert.Null(refused.CurrentEtag);
        Assert.NotNull(refused.StoredEtag);
    }

    [Theory, Providers]
    public async Task Etags_never_repeat_across_clears_abandoned_epochs_rollback_and_reopen(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var etags = new List<string>();
        async Task WriteAsync(LedgerGrainStorage storage, int value)
        {
            var state = await ReadAsync(storage, Shipment);
            state.State.Value = value;
            await storage.WriteStateAsync("state", Shipment, state);
            etags.Add(state.ETag!);
        }
        async Task ClearAsync(LedgerGrainStorage storage) => await storage.ClearStateAsync("state", Shipment, await ReadAsync(storage, Shipment));

        await using (var store = await test.OpenStoreAsync())
        {
            var runner = new EpochRunner(store);
            await runner.ExecuteAsync(0, []);
            for (var epoch = 1; epoch <= 3; epoch++)
            {
                store.GrainStorage.BeginEpoch((ulong)epoch);
                await WriteAsync(store.GrainStorage, -epoch);
                store.GrainStorage.AbandonEpoch();
                await runner.ExecuteAsync((ulong)epoch, async storage =>
                {
                    await WriteAsync(storage, epoch);
                    await ClearAsync(storage);
                    await WriteAsync(storage, epoch * 10);
                });
            }
            await store.RollbackToEpochAsync(1);
            await runner.ExecuteAsync(2, storage => WriteAsync(storage, 7));
        }
        await using var reopened = await test.OpenStoreAsync();
        await new EpochRunner(reopened).ExecuteAsync(3, storage => WriteAsync(storage, 8));

        Assert.Equal(11, etags.Count);
        Assert.Equal(etags.Count, etags.Distinct().Count());
        Assert.Equal(8, (await ReadAsync(reopened.GrainStorage, Shipment)).State.Value);
    }

    [Theory, Providers]
    public async Task An_activation_holding_a_rolled_back_write_cannot_write_over_the_restored_record(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, [new(Shipment, 1)]);
        var activation = new GrainState<CounterState>(new CounterState());
        await runner.ExecuteAsync(1, async storage =>
        {
            await storage.ReadStateAsync("state", Shipment, activation);
            activation.State.Value = 2;
            await storage.WriteStateAsync("state", Shipment, activation);
        });

        await store.RollbackToEpochAsync(0);
        store.GrainStorage.BeginEpoch(1);
        activation.State.Value = 3;

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.GrainStorage.WriteStateAsync("state", Shipment, activation));
        Assert.Equal(1, (await ReadAsync(store.GrainStorage, Shipment)).State.Value);
    }

    [Theory, Providers]
    public async Task Staged_state_is_read_before_commit_and_an_abandoned_epoch_leaves_the_committed_state(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, [new(Shipment, 1)]);
        var committed = await ReadAsync(store.GrainStorage, Shipment);

        store.GrainStorage.BeginEpoch(1);
        await EpochRunner.ApplyAsync(store.GrainStorage, new(Shipment, 2), "staged");
        await EpochRunner.ApplyAsync(store.GrainStorage, new(EpochRunner.Grain(5), 5), "staged");
        var staged = await ReadAsync(store.GrainStorage, Shipment);
        store.GrainStorage.AbandonEpoch();
        var after = await ReadAsync(store.GrainStorage, Shipment);

        Assert.Equal(2, staged.State.Value);
        Assert.NotEqual(committed.ETag, staged.ETag);
        Assert.Equal(1, after.State.Value);
        Assert.Equal(committed.ETag, after.ETag);
        Assert.False((await ReadAsync(store.GrainStorage, EpochRunner.Grain(5))).RecordExists);
        Assert.Null(store.GrainStorage.EpochInProgress);
    }

    [Theory, Providers]
    public async Task Before_genesis_is_committed_writes_are_epoch_0_and_afterwards_only_epochs_write(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();

        await EpochRunner.ApplyAsync(store.GrainStorage, new(Shipment, 1), "genesis seed");
        Assert.Equal(0ul, store.GrainStorage.EpochInProgress);
        var genesis = new EpochRunner(store).Build(0, receipts: 0, failed: 0);
        await store.CommitEpochAsync(genesis);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => EpochRunner.ApplyAsync(store.GrainStorage, new(Shipment, 2), "late"));
        Assert.Contains("outside an epoch", refused.Message);
        Assert.Equal(Shipment, Assert.Single(genesis.StateWrites).GrainId);
        Assert.Equal(1, (await ReadAsync(store.GrainStorage, Shipment)).State.Value);
    }

    [Theory, Providers]
    public async Task Handed_over_writes_are_sorted_and_close_the_epoch_to_further_writes(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var storage = store.GrainStorage;
        storage.BeginEpoch(0);
        foreach (var grain in new[] { GrainId.Create("shipment", "b"), GrainId.Create("contract", "z"), GrainId.Create("shipment", "a") })
            await EpochRunner.ApplyAsync(storage, new(grain, 1), "x");
        await EpochRunner.ApplyAsync(storage, new(GrainId.Create("shipment", "a"), 1, "documents"), "x");

        var writes = storage.TakeStagedWrites();

        Assert.Equal(["contract/z#state", "shipment/a#documents", "shipment/a#state", "shipment/b#state"],
            writes.Select(w => GrainStateKey.TextOf(w.GrainId, w.StateName)));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => EpochRunner.ApplyAsync(storage, new(Shipment, 2), "late"));
        Assert.Contains("already handed to its commit", refused.Message);
    }

    [Theory, Providers]
    public async Task A_write_sets_its_leaf_to_the_hash_of_its_bytes_and_a_clear_deletes_it(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        var key = StateTreeScheme.KeyOf("shipment/S-1#state");

        var written = await runner.ExecuteAsync(0, [new(Shipment, 1)]);
        await runner.ExecuteAsync(1, [new(Shipment, null)]);

        var write = Assert.Single(written.StateWrites);
        Assert.Equal(key, write.TreeKey);
        Assert.Equal(StateTreeScheme.ValueOf(write.Payload), runner.Tree.Get(key, 0));
        Assert.Null(runner.Tree.Get(key, 1));
        Assert.Equal(StateTreeScheme.EmptyHash, runner.Tree.RootOf(1));
        Assert.False((await ReadAsync(store.GrainStorage, Shipment)).RecordExists);
    }

    [Fact]
    public void A_state_name_with_the_key_separator_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => GrainStateKey.Of(Shipment, "a#b"));
        Assert.Contains("contains '#'", refused.Message);
    }
}
