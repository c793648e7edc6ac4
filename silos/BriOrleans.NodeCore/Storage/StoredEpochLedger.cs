using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Grains.State;
using BriOrleans.Ledger;
using BriOrleans.Storage;

namespace BriOrleans.NodeCore.Storage;

/// <summary>
/// The epoch ledger over the ledger store: grain writes staged by <see cref="LedgerGrainStorage"/> during an epoch
/// become the next version of the state tree, and the epoch record (with state and receipts roots), receipts,
/// state writes, tree nodes and transaction placements are committed in one database transaction, which the store
/// writes while the next epoch executes.
/// </summary>
public sealed class StoredEpochLedger : IEpochLedger
{
    private readonly ILedgerStore _store;
    private readonly IBlockArchive _blocks;
    private StateTree _tree;
    // The executed epoch (the last committed) and its write: before it, every epoch is durable (the store writes
    // one at a time).
    private EpochWrite _lastWrite;

    private sealed record EpochWrite(long Epoch, Task Durable);

    private StoredEpochLedger(ILedgerStore store, IBlockArchive blocks, long executed)
    {
        _store = store;
        _blocks = blocks;
        _tree = new StateTree(store.StateNodes);
        _lastWrite = new EpochWrite(executed, Task.CompletedTask);
    }

    public static async Task<StoredEpochLedger> OpenAsync(ILedgerStore store, IBlockArchive blocks)
    {
        var latest = await store.LatestExecutedEpochAsync();
        return new StoredEpochLedger(store, blocks, latest is { } n ? (long)n : -1);
    }

    public long ExecutedEpoch => Volatile.Read(ref _lastWrite).Epoch;

    public long DurableEpoch
    {
        get
        {
            var last = Volatile.Read(ref _lastWrite);
            return last.Durable.IsCompletedSuccessfully ? last.Epoch : last.Epoch - 1;
        }
    }

    public Task WhenCommittedAsync(ulong epoch)
    {
        var last = Volatile.Read(ref _lastWrite);
        if ((long)epoch > last.Epoch)
            throw new ArgumentException($"epoch {epoch} is not committed: the last committed epoch is {last.Epoch}", nameof(epoch));
        return (long)epoch == last.Epoch ? last.Durable : Task.CompletedTask;
    }

    /// <summary>The state tree as of the executed epoch, for proofs.</summary>
    public StateTree Tree => _tree;

    public void Begin(ulong epoch) => _store.GrainStorage.BeginEpoch(epoch);

    public Task PrefetchAsync(IReadOnlyCollection<(Runtime.GrainId Grain, string StateName)> records) => _store.GrainStorage.PrefetchAsync(records);

    public async Task<EpochRecord> CommitAsync(EpochRecord draft, IReadOnlyList<Receipt> receipts)
    {
        var writes = _store.GrainStorage.TakeStagedWrites();
        var batch = _tree.Update(draft.Number, writes.Select(w => w.ToStateChange()));
        var receiptHashes = Receipt.HashesOf(receipts);
        var record = draft with { StateRoot = batch.RootHash, ReceiptsRoot = MerkleList.Root(receiptHashes) };
        var placements = new List<TransactionPlacement>(receipts.Count);
        var indexes = new Dictionary<Hash256, Dictionary<Hash256, int>>();
        foreach (var receipt in receipts)
        {
            if (!indexes.TryGetValue(receipt.BlockId, out var inBlock))
                indexes[receipt.BlockId] = inBlock = await IndexAsync(receipt.BlockId);
            if (!inBlock.TryGetValue(receipt.TransactionHash, out var index))
                throw new InvalidOperationException($"transaction {receipt.TransactionHash} is not in block {receipt.BlockId}");
            placements.Add(new TransactionPlacement(receipt.TransactionHash, receipt.BlockId, index));
        }
        var durable = await _store.StageEpochAsync(new EpochCommit(record, receipts, writes, batch, placements) { ReceiptHashes = receiptHashes });
        Volatile.Write(ref _lastWrite, new EpochWrite((long)record.Number, durable));
        return record;
    }

    public void Abandon() => _store.GrainStorage.AbandonEpoch();

    public async Task RollbackToAsync(ulong epoch)
    {
        await _store.RollbackToEpochAsync(epoch);
        // The tree reads its latest version from the store: a fresh one starts from the rolled-back version.
        _tree = new StateTree(_store.StateNodes);
        Volatile.Write(ref _lastWrite, new EpochWrite((long)epoch, Task.CompletedTask));
    }

    public async Task<EpochRecord?> GetAsync(ulong epoch)
    {
        // An epoch still being written is read once it is durable.
        var last = Volatile.Read(ref _lastWrite);
        if ((long)epoch == last.Epoch)
            await last.Durable;
        return (await _store.GetEpochAsync(epoch))?.Record;
    }

    public Task<Receipt?> GetReceiptAsync(Hash256 transactionHash) => _store.GetReceiptAsync(transactionHash);

    public async Task<LedgerTotals> TotalsAsync()
    {
        var counts = await _store.GetCountsAsync();
        return new LedgerTotals(counts.ExecutedTransactions, counts.FailedTransactions);
    }

    // Each transaction's index in its block, built once per block of the epoch.
    private async Task<Dictionary<Hash256, int>> IndexAsync(Hash256 blockId)
    {
        var block = await _blocks.GetAsync(blockId)
            ?? throw new InvalidOperationException($"block {blockId} of a receipt is not in the archive");
        var indexes = new Dictionary<Hash256, int>(block.Transactions.Count);
        for (var i = 0; i < block.Transactions.Count; i++)
            indexes.TryAdd(block.Transactions[i].Hash, i);
        return indexes;
    }
}
