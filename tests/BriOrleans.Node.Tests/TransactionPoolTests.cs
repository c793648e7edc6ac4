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
}
