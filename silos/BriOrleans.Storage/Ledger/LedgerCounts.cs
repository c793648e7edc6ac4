namespace BriOrleans.Storage;

/// <summary>What a status page shows of the store: blocks held, executed epoch, transactions by outcome, pending ones.</summary>
public sealed record LedgerCounts(
    long Blocks, ulong? ExecutedEpoch, long ExecutedTransactions, long FailedTransactions, long PendingTransactions);
