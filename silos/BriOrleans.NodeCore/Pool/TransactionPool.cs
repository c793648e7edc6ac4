using BriOrleans.Crypto;
using BriOrleans.Transactions;

namespace BriOrleans.NodeCore.Pool;

/// <summary>
/// Transactions accepted by the API that no executed epoch has consumed yet. Per sender they are kept by nonce;
/// a transaction is offered for a block once all lower nonces of its sender are executed or already in a block,
/// and stays out of further blocks until its epoch executes it (then it leaves) or sends it back (nonce ahead,
/// or its block fell beyond the epoch's execution bound). Thread-safe; every operation is O(log n) per transaction.
/// </summary>
public sealed class TransactionPool(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Hash256, Entry> _byHash = [];
    private readonly Dictionary<Address, SortedDictionary<ulong, Entry>> _bySender = [];
    private readonly Dictionary<Address, ulong> _nextNonce = [];
    private long _arrivals;

    private sealed class Entry(SignedTransaction tx, long arrival)
    {
        public SignedTransaction Tx { get; } = tx;
        public long Arrival { get; } = arrival;
        public bool InBlock { get; set; }
    }

    public int Count
    {
        get { lock (_lock) return _byHash.Count; }
    }

    public bool Contains(Hash256 hash)
    {
        lock (_lock) return _byHash.ContainsKey(hash);
    }

    /// <summary>Whether the pool is full and does not hold <paramref name="hash"/>: a new transaction would be refused.</summary>
    public bool IsFullWithout(Hash256 hash)
    {
        lock (_lock) return _byHash.Count >= capacity && !_byHash.ContainsKey(hash);
    }

    /// <summary>The nonce a new transaction of <paramref name="sender"/> should carry, counting its pending ones.</summary>
    public ulong PendingNonceOf(Address sender, ulong accountNonce)
    {
        lock (_lock)
        {
            var next = Math.Max(accountNonce, _nextNonce.GetValueOrDefault(sender));
            if (_bySender.TryGetValue(sender, out var queue))
                foreach (var nonce in queue.Keys)
                    if (nonce == next)
                        next++;
            return next;
        }
    }

    /// <summary>Adds a transaction whose sender's next executed nonce is <paramref name="accountNonce"/>.</summary>
    public PoolAdmission Add(SignedTransaction tx, ulong accountNonce)
    {
        var from = tx.Transaction.From;
        var nonce = tx.Transaction.Nonce;
        lock (_lock)
        {
            if (_byHash.ContainsKey(tx.Hash))
                return PoolAdmission.Duplicate;
            var known = _nextNonce.TryGetValue(from, out var next) ? Math.Max(next, accountNonce) : accountNonce;
            _nextNonce[from] = known;
            if (nonce < known)
                return PoolAdmission.NonceUsed;
            if (!_bySender.TryGetValue(from, out var queue))
                _bySender[from] = queue = new SortedDictionary<ulong, Entry>();
            if (queue.ContainsKey(nonce))
                return PoolAdmission.NonceTaken;
            if (_byHash.Count >= capacity)
                return PoolAdmission.Full;
            var entry = new Entry(tx, _arrivals++);
            queue[nonce] = entry;
            _byHash[tx.Hash] = entry;
            return PoolAdmission.Added;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> transactions ready for a block, oldest first; they are marked as in a block. A
    /// sender's transaction is taken only with all its lower pending nonces (taken now or already in a block), so
    /// a block never carries a nonce whose predecessor it leaves behind, however the arrivals interleave.
    /// </summary>
    public IReadOnlyList<SignedTransaction> TakeForBlock(int max)
    {
        lock (_lock)
        {
            // Each sender's ready run (consecutive nonces from its next one, not yet in a block), drawn from by the
            // arrival of its head: the oldest head goes next, then that sender's following nonce competes.
            var heads = new PriorityQueue<(List<Entry> Run, int Index), long>();
            foreach (var (sender, queue) in _bySender)
            {
                var expected = _nextNonce.GetValueOrDefault(sender);
                List<Entry>? run = null;
                foreach (var (nonce, entry) in queue)
                {
                    // Below the next nonce: already used, and never taken again. It waits for its own epoch to be
                    // durable when it is in a block, or for the next DropStale when it is not (see DropStale).
                    if (nonce < expected)
                        continue;
                    if (nonce != expected)
                        break;
                    if (!entry.InBlock)
                        (run ??= []).Add(entry);
                    expected++;
                }
                if (run is not null)
                    heads.Enqueue((run, 0), run[0].Arrival);
            }
            var taken = new List<Entry>();
            while (taken.Count < max && heads.TryDequeue(out var head, out _))
            {
                taken.Add(head.Run[head.Index]);
                if (head.Index + 1 < head.Run.Count)
                    heads.Enqueue((head.Run, head.Index + 1), head.Run[head.Index + 1].Arrival);
            }
            foreach (var entry in taken)
                entry.InBlock = true;
            return [.. taken.OrderBy(e => e.Tx.Transaction.From).ThenBy(e => e.Tx.Transaction.Nonce).Select(e => e.Tx)];
        }
    }

    /// <summary>
    /// An epoch executed the transactions <paramref name="consumed"/> (with or without a receipt) and sent
    /// <paramref name="returned"/> back: the former leave the pool, the latter may go into a block again.
    /// </summary>
    public void OnEpochExecuted(IEnumerable<SignedTransaction> consumed, IEnumerable<Hash256> returned)
    {
        lock (_lock)
        {
            var back = returned.ToHashSet();
            foreach (var tx in consumed)
            {
                if (back.Contains(tx.Hash))
                    continue;
                var from = tx.Transaction.From;
                _nextNonce[from] = Math.Max(_nextNonce.GetValueOrDefault(from), tx.Transaction.Nonce + 1);
                Remove(tx.Hash);
            }
            foreach (var hash in back)
                if (_byHash.TryGetValue(hash, out var entry))
                    entry.InBlock = false;
            DropStale();
        }
    }

    public IReadOnlyList<SignedTransaction> Snapshot()
    {
        lock (_lock) return [.. _byHash.Values.OrderBy(e => e.Arrival).Select(e => e.Tx)];
    }

    // Transactions whose nonce an executed one already used can never run. One in a block stays until its own epoch
    // is durable (OnEpochExecuted): admission raises a sender's next nonce to its account's executed nonce, which runs
    // ahead of the durable epochs, and dropping it sooner would leave the API calling an executed transaction unknown.
    private void DropStale()
    {
        foreach (var (sender, queue) in _bySender)
        {
            var next = _nextNonce.GetValueOrDefault(sender);
            var stale = queue.TakeWhile(e => e.Key < next).Where(e => !e.Value.InBlock).Select(e => e.Value.Tx.Hash).ToList();
            foreach (var hash in stale)
                Remove(hash);
        }
    }

    private void Remove(Hash256 hash)
    {
        if (!_byHash.Remove(hash, out var entry))
            return;
        var from = entry.Tx.Transaction.From;
        var queue = _bySender[from];
        queue.Remove(entry.Tx.Transaction.Nonce);
        if (queue.Count == 0)
            _bySender.Remove(from);
    }
}

/// <summary>What the pool did with an offered transaction.</summary>
public enum PoolAdmission
{
    Added,
    Duplicate,
    NonceUsed,
    NonceTaken,
    Full,
}
