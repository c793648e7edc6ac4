using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Storage;

namespace BriOrleans.NodeCore.Storage;

/// <summary>
/// The block archive over the ledger store, with the most recently arrived blocks in memory: execution reads a block
/// right after it arrives, so those are the ones read again. Memory holds recent blocks up to a number of
/// transactions, the newest block always: a block's size is its transactions, and a busy network's blocks carry
/// thousands each. Older blocks are read from the store.
/// </summary>
public sealed class StoredBlockArchive(ILedgerStore store, int recentTransactions = StoredBlockArchive.DefaultRecentTransactions) : IBlockArchive
{
    /// <summary>Transactions of recent blocks kept in memory by default: seconds of a busy node's work, a few MB.</summary>
    public const int DefaultRecentTransactions = 8192;

    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, Block> _recent = [];
    // Arrival order of the blocks in _recent; the oldest leave first.
    private readonly Queue<Block> _arrivals = new();
    private int _transactions;

    /// <summary>How many blocks, and how many transactions in them, memory holds now.</summary>
    public (int Blocks, int Transactions) InMemory
    {
        get { lock (_gate) return (_recent.Count, _transactions); }
    }

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

    public async Task<Block?> GetAsync(Hash256 id)
    {
        lock (_gate)
        {
            if (_recent.TryGetValue(id, out var block))
                return block;
        }
        return await store.GetBlockAsync(id);
    }

    private void Remember(Block block)
    {
        lock (_gate)
        {
            if (!_recent.TryAdd(block.Id, block))
                return;
            _arrivals.Enqueue(block);
            _transactions += block.Transactions.Count;
            while (_transactions > recentTransactions && _arrivals.Count > 1)
            {
                var oldest = _arrivals.Dequeue();
                _recent.Remove(oldest.Id);
                _transactions -= oldest.Transactions.Count;
            }
        }
    }
}
