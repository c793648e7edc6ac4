using BriOrleans.Ledger;

namespace BriOrleans.Sdk.Api;

/// <summary>Where a submitted transaction is: waiting in the pool, or ended with a receipt.</summary>
public enum TransactionProgress
{
    Pending,
    Executed,
    Failed,
}

/// <summary><c>GET /v1/transactions/{hash}</c>: the progress, and the receipt once the transaction ran.</summary>
public sealed record TransactionState(TransactionProgress Status, Receipt? Receipt);
