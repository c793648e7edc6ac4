using BriOrleans.Crypto;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests;

public class TransactionPoolTests
{
    private const ulong ChainId = 7031;
    private static readonly PrivateKey Alice = PrivateKey.FromHex("0x" + new string('a', 64));
    private static readonly PrivateKey Bob = PrivateKey.FromHex("0x" + new string('b', 64));

    private static SignedTransaction Tx(PrivateKey key, ulong nonce, string shipment = "S1") =>
        SignedTransaction.Sign(new AcceptCustody(key.Address, nonce, shipment), key, ChainId);

    [Fact]
    public void Only_the_contiguous_run_from_the_account_nonce_is_ready_for_a_block()
    {
        var pool = new TransactionPool(100);
        pool.Add(Tx(Alice, 0), 0);
        pool.Add(Tx(Alice, 1), 0);
        pool.Add(Tx(Alice, 3), 0);

        var taken = pool.TakeForBlock(10);

        Assert.Equal([0UL, 1UL], taken.Select(t => t.Transaction.Nonce));
    }

    [Fact]
    public void A_transaction_in_a_block_stays_until_its_own_epoch_is_executed_even_when_a_later_admission_saw_it_executed()
    {
        var pool = new TransactionPool(100);
        var first = Tx(Alice, 0);
        pool.Add(first, 0);
        Assert.Single(pool.TakeForBlock(10));
        // The next admission reads an account that has executed nonce 0 in an epoch not yet durable.
        Assert.Equal(PoolAdmission.Added, pool.Add(Tx(Alice, 1), 1));

        // An earlier epoch becomes durable: the pool must not drop the first as stale before its own epoch is,
        // and the second is ready for the next block meanwhile.
        pool.OnEpochExecuted([Tx(Bob, 0)], []);
        Assert.True(pool.Contains(first.Hash));
        Assert.Equal([1UL], pool.TakeForBlock(10).Select(t => t.Transaction.Nonce));

        pool.OnEpochExecuted([first], []);
        Assert.False(pool.Contains(first.Hash));
    }

    [Fact]
    public void A_transaction_in_a_block_is_not_offered_again_until_it_is_returned()
    {
        var pool = new TransactionPool(100);
        var tx = Tx(Alice, 0);
        pool.Add(tx, 0);
        Assert.Single(pool.TakeForBlock(10));
        Assert.Empty(pool.TakeForBlock(10));

        pool.OnEpochExecuted([], [tx.Hash]);

        Assert.Single(pool.TakeForBlock(10));
    }

    [Fact]
    public void Executed_transactions_leave_and_free_the_next_nonce()
    {
        var pool = new TransactionPool(100);
        var first = Tx(Alice, 0);
        var second = Tx(Alice, 1);
        pool.Add(first, 0);
        pool.Add(second, 0);
        pool.TakeForBlock(1);

        pool.OnEpochExecuted([first], []);

        Assert.False(pool.Contains(first.Hash));
        Assert.Equal([second.Hash], pool.TakeForBlock(10).Select(t => t.Hash));
        Assert.Equal(2UL, pool.PendingNonceOf(Alice.Address, 1));
    }

    [Fact]
    public void A_used_nonce_a_taken_nonce_a_duplicate_and_a_full_pool_are_told_apart()
    {
        var pool = new TransactionPool(2);
        Assert.Equal(PoolAdmission.Added, pool.Add(Tx(Alice, 5), 5));
        Assert.Equal(PoolAdmission.Duplicate, pool.Add(Tx(Alice, 5), 5));
        Assert.Equal(PoolAdmission.NonceTaken, pool.Add(Tx(Alice, 5, "S2"), 5));
        Assert.Equal(PoolAdmission.NonceUsed, pool.Add(Tx(Alice, 4), 5));
        Assert.Equal(PoolAdmission.Added, pool.Add(Tx(Bob, 0), 0));
        Assert.Equal(PoolAdmission.Full, pool.Add(Tx(Bob, 1), 0));
    }

    // What admission asks before recovering a signer: would this transaction find the pool full?
    [Fact]
    public void A_full_pool_still_takes_a_transaction_it_holds_again_as_a_duplicate()
    {
        var pool = new TransactionPool(2);
        Assert.False(pool.IsFullWithout(Tx(Alice, 0).Hash));
        pool.Add(Tx(Alice, 0), 0);
        pool.Add(Tx(Alice, 1), 0);

        Assert.True(pool.IsFullWithout(Tx(Bob, 0).Hash));
        Assert.False(pool.IsFullWithout(Tx(Alice, 1).Hash));
        Assert.Equal(PoolAdmission.Duplicate, pool.Add(Tx(Alice, 1), 0));
    }

    [Fact]
    public void Pending_transactions_whose_nonce_got_used_by_another_are_dropped()
    {
        var pool = new TransactionPool(100);
        var mine = Tx(Alice, 0, "mine");
        var rival = Tx(Alice, 0, "rival");
        pool.Add(mine, 0);

        pool.OnEpochExecuted([rival], []);

        Assert.False(pool.Contains(mine.Hash));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void A_block_takes_a_nonce_only_with_its_predecessors_however_arrivals_interleave()
    {
        // Concurrent admissions reach the pool in any order: here every sender's lowest nonce arrives last. Each
        // block must still carry, per sender, a run of consecutive nonces from the sender's next one, and the
        // pool must drain (the old oldest-arrival-first pick filled every block with nonces ahead: a livelock).
        var random = new Random(20261122);
        var senders = Enumerable.Range(0, 5).Select(i => PrivateKey.FromHex("0x" + (i + 1).ToString("x64", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var arrivals = senders.SelectMany(k => Enumerable.Range(1, 19).Select(n => Tx(k, (ulong)n))).OrderBy(_ => random.Next())
            .Concat(senders.Select(k => Tx(k, 0))).ToList();
        var pool = new TransactionPool(1000);
        foreach (var tx in arrivals)
            Assert.Equal(PoolAdmission.Added, pool.Add(tx, 0));
        var next = senders.ToDictionary(k => k.Address, _ => 0UL);

        for (var block = 0; pool.Count > 0; block++)
        {
            Assert.True(block < 100, $"the pool did not drain: {pool.Count} left");
            var taken = pool.TakeForBlock(random.Next(1, 8));
            Assert.NotEmpty(taken);
            foreach (var tx in taken)
            {
                Assert.Equal(next[tx.Transaction.From], tx.Transaction.Nonce);
                next[tx.Transaction.From]++;
            }
            pool.OnEpochExecuted(taken, []);
        }
        Assert.All(next.Values, n => Assert.Equal(20UL, n));
    }
}
