using BriOrleans.Grains.State;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>
/// Everything the execution of one epoch produced, written by <see cref="ILedgerStore.CommitEpochAsync"/> in one
/// database transaction: the epoch record, its receipts in execution order, the grain-state writes staged during
/// it (<see cref="LedgerGrainStorage.TakeStagedWrites"/>), the state tree's new version (numbered like the epoch)
/// and where each of its transactions sits in its blocks.
/// </summary>
public sealed record EpochCommit(
    EpochRecord Epoch,
    IReadOnlyList<Receipt> Receipts,
    IReadOnlyList<GrainStateWrite> StateWrites,
    StateTreeBatch StateBatch,
    IReadOnlyList<TransactionPlacement> Transactions)
{
    /// <summary>
    /// The hashes of <see cref="Receipts"/>, in order, when the producer has them: it computed the epoch's receipts
    /// root from them. The store then writes them as they are instead of hashing every receipt again; when absent,
    /// it hashes the receipts itself.
    /// </summary>
    public IReadOnlyList<Crypto.Hash256>? ReceiptHashes { get; init; }

    /// <summary>Everything inconsistent within the commit (a misuse by its producer); empty when it is sound.</summary>
    public IEnumerable<string> Problems() => Problems(ReceiptHashesOrComputed());

    /// <summary><see cref="ReceiptHashes"/>, or the receipts' hashes worked out now.</summary>
    internal IReadOnlyList<Crypto.Hash256> ReceiptHashesOrComputed() => ReceiptHashes ?? Receipt.HashesOf(Receipts);

    /// <summary><see cref="Problems()"/>, given the hashes of <see cref="Receipts"/> (worked out once, also for their rows).</summary>
    internal IEnumerable<string> Problems(IReadOnlyList<Crypto.Hash256> receiptHashes)
    {
        var number = Epoch.Number;
        if (StateBatch.Version != number)
            yield return $"the state batch is version {StateBatch.Version}, not the epoch's number {number}";
        if (StateBatch.RootHash != Epoch.StateRoot)
            yield return $"the epoch's state root {Epoch.StateRoot} is not the state batch's root {StateBatch.RootHash}";
        if (Transactions.Count != Receipts.Count)
            yield return $"{Transactions.Count} transaction placements for {Receipts.Count} receipts";
        if (receiptHashes.Count != Receipts.Count)
            yield return $"{receiptHashes.Count} receipt hashes for {Receipts.Count} receipts";
        for (var i = 0; i < Receipts.Count; i++)
        {
            if (i < Transactions.Count && (Transactions[i].TransactionHash != Receipts[i].TransactionHash || Transactions[i].BlockId != Receipts[i].BlockId))
                yield return $"placement {i} is of transaction {Transactions[i].TransactionHash} in block {Transactions[i].BlockId}, " +
                             $"but receipt {i} is of {Receipts[i].TransactionHash} in block {Receipts[i].BlockId}";
            if (Receipts[i].Epoch != number)
                yield return $"receipt {Receipts[i].TransactionHash} names epoch {Receipts[i].Epoch}, not {number}";
            if (i > 0 && Receipts[i].Position <= Receipts[i - 1].Position)
                yield return $"receipt {Receipts[i].TransactionHash} at position {Receipts[i].Position} does not follow position {Receipts[i - 1].Position}";
        }
        var executed = Receipts.Count(r => r.Status == TransactionStatus.Executed);
        if (executed != Epoch.ExecutedTransactions || Receipts.Count - executed != Epoch.FailedTransactions)
            yield return $"the epoch counts {Epoch.ExecutedTransactions} executed and {Epoch.FailedTransactions} failed transactions " +
                         $"but its receipts hold {executed} and {Receipts.Count - executed}";
        if (MerkleList.Root(receiptHashes) != Epoch.ReceiptsRoot)
            yield return $"the epoch's receipts root {Epoch.ReceiptsRoot} is not the root of its receipts";
    }
}
