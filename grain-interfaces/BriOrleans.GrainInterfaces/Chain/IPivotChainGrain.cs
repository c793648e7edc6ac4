using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Runtime;

namespace BriOrleans.Chain;

/// <summary>
/// This node's tree-graph (one per node, key 0): admits blocks one at a time, keeps the pivot chain and the
/// epochs, and tells what an honest producer builds on. Its turns serialize every change to the graph.
/// </summary>
public interface IPivotChainGrain : IGrainWithIntegerKey
{
    /// <summary>Checks, stores and orders a block; the node's own blocks skip re-checking transaction signatures.</summary>
    Task<BlockAdmission> AddBlockAsync(Block block, BlockOrigin origin);

    Task<ChainStatus> GetStatusAsync();

    Task<BlockTemplate> NextBlockAsync();

    Task<BlockPlacement?> PlacementAsync(Hash256 blockId);

    /// <summary>The ordered epoch <paramref name="number"/> on the current pivot chain, or null beyond the tip.</summary>
    Task<EpochPlan?> EpochPlanAsync(ulong number);
}
