
namespace BriOrleans.Storage.Tests;

/// <summary>What an epoch does to one grain-state record: set its counter to a value, or clear it (null).</summary>
internal readonly record struct GrainChange(GrainId Grain, int? Value, string StateName = "state");

/// <summary>
/// Executes epochs the way the node does, against a real store: grain writes through the ledger's grain storage
/// (read, then write or clear with the ETag read), the state tree updated with the staged writes, receipts and the
/// epoch record built on them, all committed in one <see cref="EpochCommit"/>.
/// </summary>
internal sealed class EpochRunner(LedgerStore store)
{
    public StateTree Tree { get; } = new(store.StateNodes);

    public static GrainId Grain(int i) => GrainId.Create("counter", i);

    /// <summary>Stages the changes and builds the epoch's commit without committing it.</summary>
    public Task<EpochCommit> PrepareAsync(ulong number, IEnumerable<GrainChange> changes, int receipts = 3, int failed = 1) =>
        PrepareAsync(number, async storage =>
        {
            foreach (var change in changes)
                await ApplyAsync(storage, change, $"epoch {number}");
        }, receipts, failed);

    /// <summary>Begins the epoch, lets <paramref name="execute"/> read and write grain state, and builds the commit.</summary>
    public async Task<EpochCommit> PrepareAsync(ulong number, Func<LedgerGrainStorage, Task> execute, int receipts = 3, int failed = 1)
    {
        store.GrainStorage.BeginEpoch(number);
        await execute(store.GrainStorage);
        return Build(number, receipts, failed);
    }

    /// <summary>Builds the commit of the epoch being staged from its staged writes.</summary>
    public EpochCommit Build(ulong number, int receipts = 3, int failed = 1)
    {
        var writes = store.GrainStorage.TakeStagedWrites();
        var batch = Tree.Update(number, writes.Select(w => w.ToStateChange()));
        var list = Enumerable.Range(0, receipts).Select(i => LedgerSamples.Receipt(number, i, failed: i < failed)).ToList();
        var blockId = LedgerSamples.Hash($"block-{number}");
        var record = new EpochRecord(number, blockId, [blockId], [], batch.RootHash, Receipt.RootOf(list), 1_700_000_000_000 + number,
            list.Count(r => r.Status == TransactionStatus.Executed), list.Count(r => r.Status == TransactionStatus.Failed));
        var placements = list.Select((r, i) => new TransactionPlacement(r.TransactionHash, blockId, i)).ToList();
        return new EpochCommit(record, list, writes, batch, placements);
    }

    /// <summary>Prepares and commits an epoch; with <paramref name="withReceiptHashes"/> the commit carries its receipts' hashes, as the node's does.</summary>
    public async Task<EpochCommit> ExecuteAsync(ulong number, IEnumerable<GrainChange> changes, int receipts = 3, int failed = 1, bool withReceiptHashes = false)
    {
        var commit = await PrepareAsync(number, changes, receipts, failed);
        if (withReceiptHashes)
            commit = commit with { ReceiptHashes = Receipt.HashesOf(commit.Receipts) };
        await store.CommitEpochAsync(commit);
        return commit;
    }

    public async Task<EpochCommit> ExecuteAsync(ulong number, Func<LedgerGrainStorage, Task> execute)
    {
        var commit = await PrepareAsync(number, execute);
        await store.CommitEpochAsync(commit);
        return commit;
    }

    public static async Task ApplyAsync(IGrainStorage storage, GrainChange change, string note)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(change.StateName, change.Grain, state);
        if (change.Value is { } value)
        {
            state.State = new CounterState { Value = value, Note = note };
            await storage.WriteStateAsync(change.StateName, change.Grain, state);
        }
        else
            await storage.ClearStateAsync(change.StateName, change.Grain, state);
    }

    /// <summary>The counters of grains 0..count-1 as the storage reads them (null: no record).</summary>
    public static async Task<IReadOnlyList<int?>> ReadCountersAsync(IGrainStorage storage, int count)
    {
        var values = new List<int?>();
        for (var i = 0; i < count; i++)
        {
            var state = new GrainState<CounterState>(new CounterState());
            await storage.ReadStateAsync("state", Grain(i), state);
            values.Add(state.RecordExists ? state.State.Value : null);
        }
        return values;
    }
}
