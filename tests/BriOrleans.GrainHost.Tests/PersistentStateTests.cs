using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task Persistent_state_survives_deactivation_and_is_read_on_reactivation()
    {
        await using var host = await TestHost.StartAsync();
        var counter = host.Grains.GetGrain<ICounterGrain>("shipments");
        for (var i = 0; i < 3; i++)
            await counter.IncrementAsync();

        await counter.DeactivateOnIdleAsync();
        await host.Journal.WhenDeactivated(counter.GetGrainId());

        Assert.Equal(3, await counter.GetAsync());
        Assert.Equal(2, host.Journal.ActivationCount(counter.GetGrainId()));
    }

    [Fact]
    public async Task Two_hosts_writing_one_record_conflict_on_the_stale_etag()
    {
        var shared = new MemoryGrainStorage(new JsonGrainStorageSerializer());
        await using var north = await TestHost.StartAsync(sharedStorage: shared);
        await using var south = await TestHost.StartAsync(sharedStorage: shared);
        var northCounter = north.Grains.GetGrain<ICounterGrain>("contract-9");
        var southCounter = south.Grains.GetGrain<ICounterGrain>("contract-9");

        Assert.Equal(1, await northCounter.IncrementAsync());
        Assert.Equal(1, await southCounter.GetAsync());
        Assert.Equal(2, await northCounter.IncrementAsync());
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => southCounter.IncrementAsync());

        Assert.Equal(await northCounter.GetEtagAsync(), conflict.StoredEtag);
        Assert.NotEqual(conflict.StoredEtag, conflict.CurrentEtag);
        Assert.Contains("contract-9", conflict.Message);
    }

    [Fact]
    public async Task A_grain_that_met_an_etag_conflict_reads_the_state_afresh_on_its_next_call()
    {
        var shared = new MemoryGrainStorage(new JsonGrainStorageSerializer());
        await using var north = await TestHost.StartAsync(sharedStorage: shared);
        await using var south = await TestHost.StartAsync(sharedStorage: shared);
        var southCounter = south.Grains.GetGrain<ICounterGrain>("contract-10");
        await southCounter.GetAsync();
        await north.Grains.GetGrain<ICounterGrain>("contract-10").IncrementAsync();
        await Assert.ThrowsAsync<InconsistentStateException>(() => southCounter.IncrementAsync());

        Assert.Equal(2, await southCounter.IncrementAsync());
        Assert.Equal([DeactivationReasonCode.ApplicationError], south.Journal.Deactivations(southCounter.GetGrainId()));
    }

    [Fact]
    public async Task Clearing_state_removes_the_record_and_starts_again_from_a_new_state()
    {
        await using var host = await TestHost.StartAsync();
        var counter = host.Grains.GetGrain<ICounterGrain>("cleared");
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        await counter.ClearAsync();

        Assert.Equal(0, await counter.GetAsync());
        Assert.Null(await counter.GetEtagAsync());
        await counter.DeactivateOnIdleAsync();
        await host.Journal.WhenDeactivated(counter.GetGrainId());
        Assert.Equal(1, await counter.IncrementAsync());
    }

    [Fact]
    public async Task A_state_is_kept_by_the_storage_provider_its_attribute_names()
    {
        var archive = new MemoryGrainStorage(new JsonGrainStorageSerializer());
        await using var host = await TestHost.StartAsync(builder => builder
            .AddGrain<IArchivedGrain, ArchivedGrain>()
            .AddGrainStorage("archive", _ => archive));

        await host.Grains.GetGrain<IArchivedGrain>("bill-of-lading-3").ArchiveAsync("received at Khorgos");

        var record = new GrainState<List<string>>([]);
        await archive.ReadStateAsync("entries", GrainId.Create("archived", "bill-of-lading-3"), record);
        Assert.True(record.RecordExists);
        Assert.Equal(["received at Khorgos"], record.State);
    }

    [Fact]
    public async Task Starting_with_a_state_in_an_unregistered_storage_provider_fails_naming_it()
    {
        await using var host = TestHost.Create(builder => builder.AddGrain<IArchivedGrain, ArchivedGrain>());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Host.StartAsync(CancellationToken.None));

        Assert.Contains("'archive'", refused.Message);
        Assert.Contains("ArchivedGrain", refused.Message);
    }
}
