namespace BriOrleans.Transactions;

/// <summary>Limits of the submission API that node and clients share (the per-transaction size is a protocol parameter).</summary>
public static class SubmissionLimits
{
    /// <summary>The most transactions one <c>POST /v1/transactions/batch</c> may carry.</summary>
    public const int MaxBatchTransactions = 1000;

    /// <summary>The largest batch body: room for <see cref="MaxBatchTransactions"/> transactions of typical size.</summary>
    public const int MaxBatchBodyBytes = 8 * 1024 * 1024;
}
