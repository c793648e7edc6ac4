using BriOrleans.Crypto;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Storage;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests;

public sealed class PendingJournalTests : IDisposable
{
    private const ulong ChainId = 7031;
    private static readonly PrivateKey Sender = PrivateKey.FromHex("0x" + new string('c', 64)); // test-only key
    private readonly string _directory = Directory.CreateTempSubdirectory("bri-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SignedTransaction Tx(ulong nonce) =>
        SignedTransaction.Sign(new AcceptCustody(Sender.Address, nonce, "SH-1"), Sender, ChainId);

    [Fact]
    public async Task Acknowledged_transactions_survive_reopening_the_store_and_forgotten_ones_do_not()
    {
        var kept = Tx(0);
        var executed = Tx(1);
        await using (var store = await LedgerStore.OpenAsync("sqlite", _directory, ChainId))
        {
            var journal = new PendingJournal(store);
            await journal.StartAsync(CancellationToken.None);
            await Task.WhenAll(journal.RecordAsync(kept), journal.RecordAsync(executed));
            await journal.ForgetAsync([executed.Hash]);
            await journal.StopAsync(CancellationToken.None);
        }

        await using var reopened = await LedgerStore.OpenAsync("sqlite", _directory, ChainId);
        var restored = await new PendingJournal(reopened).LoadAsync(ChainId);

        var only = Assert.Single(restored);
        Assert.Equal(kept.Hash, only.Hash);
        Assert.True(only.IsSignedBySender());
        Assert.Equal(kept.ToRlp().Encode(), only.ToRlp().Encode());
    }

    [Fact]
    public async Task A_duplicate_is_durable_no_sooner_than_the_original_write()
    {
        var original = Tx(0);
        await using var store = await LedgerStore.OpenAsync("sqlite", _directory, ChainId);
        var journal = new PendingJournal(store);
        // Not started yet: the write waits in the queue, as one does behind a slow group commit.
        var write = journal.RecordAsync(original);

        var duplicate = journal.WhenRecordedAsync(original.Hash);

        Assert.False(duplicate.IsCompleted);
        Assert.True(journal.WhenRecordedAsync(Tx(1).Hash).IsCompleted);
        await journal.StartAsync(CancellationToken.None);
        await write.WaitAsync(TimeSpan.FromSeconds(30));
        await duplicate.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(journal.WhenRecordedAsync(original.Hash).IsCompleted);
        Assert.Equal(original.Hash, Assert.Single(await journal.LoadAsync(ChainId)).Hash);
        await journal.StopAsync(CancellationToken.None);
    }
}
