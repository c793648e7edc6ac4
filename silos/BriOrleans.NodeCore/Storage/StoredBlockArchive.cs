using System.Collections.Concurrent;
using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Storage;

namespace BriOrleans.NodeCore.Storage;

/// <summary>
/// The block archive over the ledger store, with the most recently arrived blocks in memory: execution reads a block
/// right after it arrives, so those are the ones read again. Older blocks are read from the store; keeping every
/// block would hold every transaction ever received in memory.
/// </summary>
public sealed class StoredBlockArchive(ILedgerStore store, int recentCapacity = StoredBlockArchive.DefaultRecentCapacity) : IBlockArchive
{
    /// <summary>Blocks kept in memory by default: many epochs' worth on a busy network, at most a few hundred MB.</summary>
    public const int DefaultRecentCapacity = 64;

    private readonly ConcurrentDictionary<Hash256, Block> _recent = new();
    // Arrival order of the blocks in _recent; the oldest leave first.
    private readonly ConcurrentQueue<Hash256> _arrivals = new();

    public async Task SaveAsync(Block block, long arrivalIndex)
    {
        await store.SaveBlockAsync(block, arrivalIndex);
        Remember(block);
    }

    public async Task<IReadOnlyList<Block>> LoadAllAsync()
    {
        var blocks = new List<Block>();
        await foreach (var stored in store.LoadBlocksAsync())
        {
            Remember(stored.Block);
            blocks.Add(stored.Block);
        }
        return blocks;
    }

    public async Task<Block?> GetAsync(Hash256 id) =>
        _recent.TryGetValue(id, out var block) ? block : await store.GetBlockAsync(id);

    private void Remember(Block block)
    {
        if (!_recent.TryAdd(block.Id, block))
            return;
        _arrivals.Enqueue(block.Id);
        while (_arrivals.Count > recentCapacity && _arrivals.TryDequeue(out var oldest))
            _recent.TryRemove(oldest, out _);
    }
}
