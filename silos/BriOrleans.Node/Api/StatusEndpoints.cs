using BriOrleans.Chain;
using BriOrleans.Ledger;
using BriOrleans.NodeCore;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Runtime;

namespace BriOrleans.Node.Api;

/// <summary><c>GET /v1/status</c> (the node and its ledger at a glance) and <c>GET /healthz</c>.</summary>
public static class StatusEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/v1/status", async (Genesis genesis, NodeIdentity node, IGrainFactory grains, IEpochLedger ledger, TransactionPool pool) =>
            Results.Json(await DescribeAsync(genesis, node, grains, ledger, pool), ApiJson.Options));
        api.MapGet("/healthz", () => Results.Json(new { status = "ok" }, ApiJson.Options));
    }

    public static async Task<object> DescribeAsync(Genesis genesis, NodeIdentity node, IGrainFactory grains, IEpochLedger ledger, TransactionPool pool)
    {
        var chain = await grains.GetGrain<IPivotChainGrain>(0).GetStatusAsync();
        var totals = await ledger.TotalsAsync();
        var executed = ledger.DurableEpoch;
        var latest = executed >= 0 ? await ledger.GetAsync((ulong)executed) : null;
        return new
        {
            chainId = genesis.ChainId,
            network = genesis.Network,
            nodeId = node.Validator,
            country = node.Country,
            bestEpoch = chain.BestEpoch,
            executedEpoch = executed,
            blockCount = chain.BlockCount,
            pivotTip = chain.PivotTip,
            tips = chain.Tips.Count,
            transactions = new { executed = totals.ExecutedTransactions, failed = totals.FailedTransactions, pending = pool.Count },
            stateRoot = latest?.StateRoot,
        };
    }
}
