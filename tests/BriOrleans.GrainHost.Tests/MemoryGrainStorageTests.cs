namespace BriOrleans.GrainHost.Tests;

public sealed class MemoryGrainStorageTests
{
    private static readonly GrainId Shipment = GrainId.Create("shipment", "S-1");

    private readonly MemoryGrainStorage _storage = new(new JsonGrainStorageSerializer());

    public sealed class Manifest
    {
        public string Port { get; set; } = "";

        public int Containers { get; set; }
    }

    [Fact]
    public async Task Reading_a_missing_record_reports_no_record_and_no_etag()
    {
        var record = new GrainState<Manifest>(new Manifest()) { ETag = "stale", RecordExists = true };

        await _storage.ReadStateAsync("manifest", Shipment, record);

        Assert.False(record.RecordExists);
        Assert.Null(record.ETag);
    }

    [Fact]
    public async Task A_written_record_reads_back_as_a_copy_with_the_same_etag()
    {
        var written = new GrainState<Manifest>(new Manifest { Port = "Gwadar", Containers = 12 });
        await _storage.WriteStateAsync("manifest", Shipment, written);
        written.State.Containers = 99;

        var read = new GrainState<Manifest>(new Manifest());
        await _storage.ReadStateAsync("manifest", Shipment, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(("Gwadar", 12), (read.State.Port, read.State.Containers));
    }

    [Fact]
    public async Task A_write_expecting_no_record_conflicts_with_an_existing_record()
    {
        await _storage.WriteStateAsync("manifest", Shipment, new GrainState<Manifest>(new Manifest()));

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync("manifest", Shipment, new GrainState<Manifest>(new Manifest())));

        Assert.Null(conflict.CurrentEtag);
        Assert.NotNull(conflict.StoredEtag);
    }

    [Fact]
    public async Task A_refused_write_changes_nothing()
    {
        var first = new GrainState<Manifest>(new Manifest { Port = "Piraeus" });
        await _storage.WriteStateAsync("manifest", Shipment, first);
        var stale = new GrainState<Manifest>(new Manifest { Port = "Hamburg" }) { ETag = "not-the-stored-one" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("manifest", Shipment, stale));

        var read = new GrainState<Manifest>(new Manifest());
        await _storage.ReadStateAsync("manifest", Shipment, read);
        Assert.Equal(("Piraeus", first.ETag), (read.State.Port, read.ETag));
        Assert.Equal("not-the-stored-one", stale.ETag);
    }

    [Fact]
    public async Task A_stale_clear_is_refused_and_a_current_one_removes_the_record()
    {
        var holder = new GrainState<Manifest>(new Manifest());
        await _storage.WriteStateAsync("manifest", Shipment, holder);
        var stale = new GrainState<Manifest>(new Manifest()) { ETag = "0" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("manifest", Shipment, stale));
        await _storage.ClearStateAsync("manifest", Shipment, holder);

        Assert.Equal((false, (string?)null), (holder.RecordExists, holder.ETag));
        var read = new GrainState<Manifest>(new Manifest());
        await _storage.ReadStateAsync("manifest", Shipment, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Etags_never_repeat_so_a_writer_from_before_a_clear_stays_stale()
    {
        var early = new GrainState<Manifest>(new Manifest());
        await _storage.WriteStateAsync("manifest", Shipment, early);
        var staleView = new GrainState<Manifest>(new Manifest()) { ETag = early.ETag };
        await _storage.ClearStateAsync("manifest", Shipment, early);
        await _storage.WriteStateAsync("manifest", Shipment, early);

        Assert.NotEqual(staleView.ETag, early.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("manifest", Shipment, staleView));
    }

    [Fact]
    public async Task Records_are_kept_apart_by_state_name_and_grain()
    {
        await _storage.WriteStateAsync("manifest", Shipment, new GrainState<Manifest>(new Manifest { Port = "Mombasa" }));

        var otherState = new GrainState<Manifest>(new Manifest());
        var otherGrain = new GrainState<Manifest>(new Manifest());
        await _storage.ReadStateAsync("customs", Shipment, otherState);
        await _storage.ReadStateAsync("manifest", GrainId.Create("shipment", "S-2"), otherGrain);

        Assert.False(otherState.RecordExists);
        Assert.False(otherGrain.RecordExists);
    }
}
