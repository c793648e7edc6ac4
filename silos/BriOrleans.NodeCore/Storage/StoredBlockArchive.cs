using System.Collections.Concurrent;
using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Storage;

namespace BriOrleans.NodeCore.Storage;

/// <summary>The block archive over the ledger store, with the blocks in memory once seen (they are immutable).</summary>
public sealed class StoredBlockArchive(ILedgerStore store) : IBlockArchive
{
    private readonly ConcurrentDictionary<Hash256, Block> _cache = new();

    public async Task SaveAsync(Block block, long arrivalIndex)
    {
        await store.SaveBlockAsync(block, arrivalIndex);
        _cache[block.Id] = block;
    }

    public async Task<IReadOnlyList<Block>> LoadAllAsync()
    {
        var blocks = new List<Block>();
        await foreach (var stored in store.LoadBlocksAsync())
        {
            _cache[stored.Block.Id] = stored.Block;
            blocks.Add(stored.Block);
        }
        return blocks;
    }

    public async Task<Block?> GetAsync(Hash256 id)
    {
        if (_cache.TryGetValue(id, out var block))
            return block;
        block = await store.GetBlockAsync(id);
        if (block is not null)
            _cache[id] = block;
        return block;
    }
}
