using BriOrleans.Crypto;

namespace BriOrleans.Sdk.Api;

/// <summary><c>GET /v1/status</c>: the node, its network and its ledger at a glance.</summary>
public sealed record NodeStatus(
    ulong ChainId,
    string Network,
    Address NodeId,
    string Country,
    ulong BestEpoch,
    long ExecutedEpoch,
    long BlockCount,
    Hash256 PivotTip,
    int Tips,
    TransactionTotals Transactions,
    Hash256? StateRoot);

/// <summary>How many transactions the node has executed, seen fail, and holds pending.</summary>
public sealed record TransactionTotals(long Executed, long Failed, long Pending);
