using BriOrleans.Ledger;

namespace BriOrleans.Chain;

/// <summary>
/// The durable side of epoch execution (the silo provides it over its database): grain-state writes made
/// between <see cref="Begin"/> and <see cref="CommitAsync"/> belong to that epoch, and the commit stores them
/// with the receipts, the epoch record and its state root in one database transaction.
/// </summary>
public interface IEpochLedger
{
    /// <summary>The last epoch whose results are committed; -1 before genesis.</summary>
    long ExecutedEpoch { get; }

    void Begin(ulong epoch);

    /// <summary>
    /// A hint before execution: the grain-state records the epoch is about to read, loaded in bulk rather than one
    /// by one as grains activate. It changes no result; records it misses are read when needed.
    /// </summary>
    Task PrefetchAsync(IReadOnlyCollection<(Runtime.GrainId Grain, string StateName)> records);

    /// <summary>Computes the state root over the epoch's writes, fills it and the receipts root into the record, commits all.</summary>
    Task<EpochRecord> CommitAsync(EpochRecord draft, IReadOnlyList<Receipt> receipts);

    /// <summary>Drops the writes of an epoch whose execution did not finish.</summary>
    void Abandon();

    /// <summary>Removes every epoch above <paramref name="epoch"/>, restoring the state as it was after it.</summary>
    Task RollbackToAsync(ulong epoch);

    Task<EpochRecord?> GetAsync(ulong epoch);

    Task<Receipt?> GetReceiptAsync(Crypto.Hash256 transactionHash);

    /// <summary>Transactions executed and failed over all committed epochs.</summary>
    Task<LedgerTotals> TotalsAsync();
}
