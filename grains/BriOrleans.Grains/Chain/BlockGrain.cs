using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Runtime;

namespace BriOrleans.Grains.Chain;

/// <summary>A block (key: its id): the stored block with its current place in the node's tree-graph.</summary>
[GrainType("block")]
public sealed class BlockGrain(IBlockArchive archive) : Grain, IBlockGrain
{
    public async Task<BlockView?> GetAsync()
    {
        if (!Hash256.TryParse(this.GetPrimaryKeyString(), out var id))
            return null;
        var block = await archive.GetAsync(id);
        if (block is null)
            return null;
        var placement = await GrainFactory.GetGrain<IPivotChainGrain>(0).PlacementAsync(id)
            ?? new BlockPlacement(id, null, false, false);
        return new BlockView(block.Header, id, block.Signature?.ToString(), [.. block.Transactions.Select(t => t.Hash)], placement);
    }
}
