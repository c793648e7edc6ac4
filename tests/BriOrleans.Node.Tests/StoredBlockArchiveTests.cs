using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.NodeCore.Storage;
using BriOrleans.Storage;
using BriOrleans.Transactions;
using Microsoft.Data.Sqlite;

namespace BriOrleans.Node.Tests;

public sealed class StoredBlockArchiveTests : IDisposable
{
    private const ulong ChainId = 7031;
    private static readonly PrivateKey Sender = PrivateKey.FromHex("0x" + new string('d', 64)); // test-only key
    private static readonly PrivateKey Validator = PrivateKey.FromHex("0x" + new string('e', 64)); // test-only key
    private readonly string _directory = Directory.CreateTempSubdirectory("bri-archive-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IReadOnlyList<Block> Chain(int length, int transactionsPerBlock = 1)
    {
        var blocks = new List<Block>();
        var parent = Keccak.Hash("genesis"u8);
        var nonce = 0UL;
        for (var height = 1UL; height <= (ulong)length; height++)
        {
            var txs = Enumerable.Range(0, transactionsPerBlock)
                .Select(_ => SignedTransaction.Sign(new AcceptCustody(Sender.Address, ++nonce, $"SH-{height}"), Sender, ChainId))
                .ToList();
            var block = Block.Produce(ChainId, parent, height, 1_700_000_000_000 + height, [], txs, Hash256.Zero, Hash256.Zero, Validator);
            blocks.Add(block);
            parent = block.Id;
        }
        return blocks;
    }

    [Fact]
    public async Task Blocks_that_left_memory_are_read_back_from_the_store_whole()
    {
        var blocks = Chain(5);
        await using var store = await LedgerStore.OpenAsync("sqlite", _directory, ChainId);
        var archive = new StoredBlockArchive(store, recentTransactions: 2);
        for (var i = 0; i < blocks.Count; i++)
        {
            await archive.SaveAsync(blocks[i], i);
            await archive.WrittenAsync();
        }
        Assert.Equal((2, 2), archive.InMemory);

        foreach (var block in blocks)
        {
            var read = await archive.GetAsync(block.Id);
            Assert.NotNull(read);
            Assert.Equal(block.Encode(), read.Encode());
        }
        Assert.Null(await archive.GetAsync(Keccak.Hash("no such block"u8)));
    }

    [Fact]
    public async Task Loading_the_chain_returns_every_block_in_arrival_order_whatever_memory_keeps()
    {
        var blocks = Chain(4);
        await using (var store = await LedgerStore.OpenAsync("sqlite", _directory, ChainId))
        {
            var archive = new StoredBlockArchive(store, recentTransactions: 1);
            for (var i = 0; i < blocks.Count; i++)
                await archive.SaveAsync(blocks[i], i);
        }

        await using var reopened = await LedgerStore.OpenAsync("sqlite", _directory, ChainId);
        var loaded = await new StoredBlockArchive(reopened, recentTransactions: 1).LoadAllAsync();

        Assert.Equal(blocks.Select(b => b.Id), loaded.Select(b => b.Id));
    }

    [Fact]
    public async Task A_block_stays_in_memory_until_its_write_is_over()
    {
        var blocks = Chain(4, transactionsPerBlock: 3);
        await using var store = await LedgerStore.OpenAsync("sqlite", _directory, ChainId);
        var archive = new StoredBlockArchive(store, recentTransactions: 1);

        // Another connection holds the file's write lock: the archive's writes wait, its reads may not.
        using (var other = new SqliteConnection($"Data Source={Path.Combine(_directory, "ledger.db")}"))
        {
            other.Open();
            using var holder = other.BeginTransaction(deferred: false);
            for (var i = 0; i < 3; i++)
                await archive.SaveAsync(blocks[i], i);

            Assert.Equal((3, 9), archive.InMemory);
            Assert.Null(await store.GetBlockAsync(blocks[0].Id));
            foreach (var block in blocks.Take(3))
                Assert.Equal(block.Encode(), (await archive.GetAsync(block.Id))!.Encode());
        }

        await archive.WrittenAsync();
        await archive.SaveAsync(blocks[3], 3);
        Assert.Equal((1, 3), archive.InMemory);
        foreach (var block in blocks)
            Assert.Equal(block.Encode(), (await archive.GetAsync(block.Id))!.Encode());
    }

    [Fact]
    public async Task Memory_holds_recent_blocks_up_to_a_number_of_transactions_and_always_the_newest()
    {
        var blocks = Chain(4, transactionsPerBlock: 3);
        await using var store = await LedgerStore.OpenAsync("sqlite", _directory, ChainId);
        var archive = new StoredBlockArchive(store, recentTransactions: 7);

        // Each write is over before the next block arrives, so memory keeps only what its bound says.
        await archive.SaveAsync(blocks[0], 0);
        await archive.WrittenAsync();
        await archive.SaveAsync(blocks[1], 1);
        await archive.WrittenAsync();
        Assert.Equal((2, 6), archive.InMemory);
        await archive.SaveAsync(blocks[2], 2);
        Assert.Equal((2, 6), archive.InMemory);

        var small = new StoredBlockArchive(store, recentTransactions: 2);
        await small.SaveAsync(blocks[3], 3);
        Assert.Equal((1, 3), small.InMemory);
        Assert.Equal(blocks[3].Encode(), (await small.GetAsync(blocks[3].Id))!.Encode());
    }
}
