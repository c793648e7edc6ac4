using BriOrleans.Ledger;

namespace BriOrleans.Chain;

/// <summary>
/// The durable side of epoch execution (the silo provides it over its database): grain-state writes made
/// between <see cref="Begin"/> and <see cref="CommitAsync"/> belong to that epoch, and the commit stores them
/// with the receipts, the epoch record and its state root in one database transaction. That transaction may still
/// be running while the next epoch executes on the committed state: <see cref="WhenCommittedAsync"/> tells when
/// an epoch is durable, and only then may anyone be told that it executed.
/// </summary>
public interface IEpochLedger
{
    /// <summary>The last epoch executed and committed, though perhaps not yet durable; -1 before genesis.</summary>
    long ExecutedEpoch { get; }

    /// <summary>The last epoch whose results are durable; -1 before genesis.</summary>
    long DurableEpoch { get; }

    /// <summary>Completes once <paramref name="epoch"/> (executed already) is durable; throws if writing it failed.</summary>
    Task WhenCommittedAsync(ulong epoch);

    void Begin(ulong epoch);

    /// <summary>
    /// A hint before execution: the grain-state records the epoch is about to read, loaded in bulk rather than one
    /// by one as grains activate. It changes no result; records it misses are read when needed.
    /// </summary>
    Task PrefetchAsync(IReadOnlyCollection<(Runtime.GrainId Grain, string StateName)> records);

    /// <summary>
    /// Computes the state root over the epoch's writes, fills it and the receipts root into the record and commits
    /// all; returns once the next epoch may begin, which may be before the epoch is durable.
    /// </summary>
    Task<EpochRecord> CommitAsync(EpochRecord draft, IReadOnlyList<Receipt> receipts);

    /// <summary>Drops the writes of an epoch whose execution did not finish.</summary>
    void Abandon();

    /// <summary>Removes every epoch above <paramref name="epoch"/>, restoring the state as it was after it.</summary>
    Task RollbackToAsync(ulong epoch);

    /// <summary>An executed epoch's record, once it is durable.</summary>
    Task<EpochRecord?> GetAsync(ulong epoch);

    Task<Receipt?> GetReceiptAsync(Crypto.Hash256 transactionHash);

    /// <summary>Transactions executed and failed over all committed epochs.</summary>
    Task<LedgerTotals> TotalsAsync();
}
