using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Storage;

namespace BriOrleans.NodeCore.Storage;

/// <summary>
/// The block archive over the ledger store, with the most recently arrived blocks in memory: execution reads a block
/// right after it arrives, so those are the ones read again. Memory holds recent blocks up to a number of
/// transactions, the newest block always: a block's size is its transactions, and a busy network's blocks carry
/// thousands each. Older blocks are read from the store once their write is over; a block whose write is still
/// queued stays in memory.
/// </summary>
public sealed class StoredBlockArchive(ILedgerStore store, int recentTransactions = StoredBlockArchive.DefaultRecentTransactions) : IBlockArchive
{
    /// <summary>Transactions of recent blocks kept in memory by default: seconds of a busy node's work, a few MB.</summary>
    public const int DefaultRecentTransactions = 8192;

    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, Block> _recent = [];
    // Arrival order of the blocks in _recent, each with its write; the oldest leave first.
    private readonly Queue<(Block Block, Task Written)> _arrivals = new();
    private int _transactions;
    private Task _lastWrite = Task.CompletedTask;

    /// <summary>How many blocks, and how many transactions in them, memory holds now.</summary>
    public (int Blocks, int Transactions) InMemory
    {
        get { lock (_gate) return (_recent.Count, _transactions); }
    }

    /// <summary>
    /// Keeps the block in memory and stages its write (<see cref="ILedgerStore.StageBlock"/>): execution does not wait
    /// for the database, and the epoch that executes the block is written after it.
    /// </summary>
    public Task SaveAsync(Block block, long arrivalIndex)
    {
        var written = store.StageBlock(block, arrivalIndex);
        Remember(block, written);
        lock (_gate)
            _lastWrite = written;
        return Task.CompletedTask;
    }

    /// <summary>Completes once the write of every block saved so far is over (the store writes them in order).</summary>
    public Task WrittenAsync()
    {
        lock (_gate)
            return _lastWrite;
    }

    public async Task<IReadOnlyList<Block>> LoadAllAsync()
    {
        var blocks = new List<Block>();
        await foreach (var stored in store.LoadBlocksAsync())
        {
            Remember(stored.Block, Task.CompletedTask);
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

    // A block leaves memory only once its write is over: until then the store cannot return it.
    private void Remember(Block block, Task written)
    {
        lock (_gate)
        {
            if (!_recent.TryAdd(block.Id, block))
                return;
            _arrivals.Enqueue((block, written));
            _transactions += block.Transactions.Count;
            while (_transactions > recentTransactions && _arrivals.Count > 1 && _arrivals.Peek().Written.IsCompleted)
            {
                var (oldest, _) = _arrivals.Dequeue();
                _recent.Remove(oldest.Id);
                _transactions -= oldest.Transactions.Count;
            }
        }
    }
}
