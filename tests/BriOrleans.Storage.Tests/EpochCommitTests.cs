using System.Data.Common;

namespace BriOrleans.Storage.Tests;

/// <summary>
/// An epoch is committed in one transaction: afterwards every part of it is readable, or after a failure none is
/// stored, and the store, whose memory is then ahead of the database, refuses further writes until opened again.
/// </summary>
public class EpochCommitTests
{
    private static readonly GrainChange[] Genesis = [new(EpochRunner.Grain(0), 10), new(EpochRunner.Grain(1), 20)];

    private static GrainChange[] EpochOne => [new(EpochRunner.Grain(0), 11), new(EpochRunner.Grain(2), 30), new(EpochRunner.Grain(1), null)];

    [Theory, Providers]
    public async Task A_committed_epoch_serves_its_record_receipts_locations_and_counts(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);

        var commit = await runner.ExecuteAsync(1, EpochOne, receipts: 5, failed: 2, withReceiptHashes: true);

        Assert.Equal(1ul, await store.LatestExecutedEpochAsync());
        var epoch = (await store.GetEpochAsync(1))!;
        Assert.Equal(commit.Epoch with { Blocks = [], SkippedBlocks = [] }, epoch.Record with { Blocks = [], SkippedBlocks = [] });
        Assert.Equal(commit.Epoch.Blocks, epoch.Record.Blocks);
        Assert.Equal(commit.Receipts.Select(r => r.TransactionHash), epoch.TransactionHashes);
        Assert.Equal(epoch.Record.ReceiptsRoot, MerkleList.Root(epoch.ReceiptHashes.ToArray()));
        Assert.Equal(Receipt.HashesOf(commit.Receipts), epoch.ReceiptHashes);
        foreach (var receipt in commit.Receipts)
            Assert.Equal(receipt, await store.GetReceiptAsync(receipt.TransactionHash));
        Assert.Equal([new TransactionLocation(commit.Epoch.Pivot, 4, 1)], await store.GetTransactionLocationsAsync(commit.Receipts[4].TransactionHash));
        Assert.Equal(new LedgerCounts(0, 1, 3, 2, 0), await store.GetCountsAsync());
        Assert.Equal([11, null, 30], await EpochRunner.ReadCountersAsync(store.GrainStorage, 3));
        Assert.Equal(commit.StateBatch.RootHash, runner.Tree.RootOf(1));
    }

    [Theory, Providers]
    public async Task An_epoch_failing_on_a_duplicate_receipt_midway_leaves_nothing_of_itself_and_stops_the_store(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);
        var sound = await runner.PrepareAsync(1, EpochOne, receipts: 4, failed: 0);
        // The last receipt repeats the first one's transaction: the receipts' primary key fails after the epoch row and the first receipts went in.
        List<Receipt> receipts = [.. sound.Receipts.Take(3), sound.Receipts[3] with { TransactionHash = sound.Receipts[0].TransactionHash }];
        var broken = sound with
        {
            Receipts = receipts,
            Transactions = [.. sound.Transactions.Take(3), sound.Transactions[3] with { TransactionHash = sound.Receipts[0].TransactionHash }],
            Epoch = sound.Epoch with { ReceiptsRoot = Receipt.RootOf(receipts) },
        };

        await Assert.ThrowsAnyAsync<DbException>(() => store.CommitEpochAsync(broken));

        await AssertStoppedAsync(store, 1);
        await using var reopened = await ReopenAsync(store, test);
        await AssertOnlyGenesisAsync(reopened, new EpochRunner(reopened), sound);
    }

    [Theory, Providers]
    public async Task An_epoch_failing_on_its_last_write_leaves_nothing_of_itself_and_commits_once_the_store_is_opened_again(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);
        var sound = await runner.PrepareAsync(1, EpochOne);
        // A state-tree node written twice breaks the node table's key: the tree is written after receipts and grain state.
        var batch = sound.StateBatch;
        var broken = sound with
        {
            StateBatch = new StateTreeBatch(batch.Version, batch.BaseVersion, batch.Root.Node, [.. batch.NewNodes, batch.NewNodes[0]], batch.StaleNodes),
        };

        await Assert.ThrowsAnyAsync<DbException>(() => store.CommitEpochAsync(broken));

        await AssertStoppedAsync(store, 1);
        await using var reopened = await ReopenAsync(store, test);
        await AssertOnlyGenesisAsync(reopened, new EpochRunner(reopened), sound);
        var retried = await new EpochRunner(reopened).ExecuteAsync(1, EpochOne);
        Assert.Equal(sound.StateBatch.RootHash, retried.StateBatch.RootHash);
        Assert.Equal([11, null, 30], await EpochRunner.ReadCountersAsync(reopened.GrainStorage, 3));
    }

    [Theory, Providers]
    public async Task Epochs_are_committed_in_order_and_only_whole(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var runner = new EpochRunner(store);
        await runner.ExecuteAsync(0, Genesis, receipts: 0, failed: 0);
        var one = await runner.PrepareAsync(1, EpochOne);

        var wrongRoot = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitEpochAsync(one with { Epoch = one.Epoch with { StateRoot = Hash256.Zero } }));
        var wrongCount = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitEpochAsync(one with { Epoch = one.Epoch with { FailedTransactions = 0 } }));
        var missingPlacement = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitEpochAsync(one with { Transactions = [.. one.Transactions.Skip(1)] }));
        var otherBlock = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitEpochAsync(
            one with { Transactions = [one.Transactions[0] with { BlockId = Hash256.Zero }, .. one.Transactions.Skip(1)] }));
        var shortHashes = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitEpochAsync(
            one with { ReceiptHashes = [.. Receipt.HashesOf(one.Receipts).Skip(1)] }));
        var otherHashes = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitEpochAsync(
            one with { ReceiptHashes = [.. Receipt.HashesOf(one.Receipts).Reverse()] }));
        var skipped = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitEpochAsync(
            one with
            {
                Epoch = one.Epoch with { Number = 2, StateRoot = Hash256.Zero, ReceiptsRoot = Receipt.RootOf([]), ExecutedTransactions = 0, FailedTransactions = 0 },
                Receipts = [],
                Transactions = [],
                StateBatch = new StateTreeBatch(2, 1, null, [], []),
            }));

        Assert.Contains("is not the state batch's root", wrongRoot.Message);
        Assert.Contains("counts 2 executed and 0 failed", wrongCount.Message);
        Assert.Contains("2 transaction placements for 3 receipts", missingPlacement.Message);
        Assert.Contains($"placement 0 is of transaction {one.Receipts[0].TransactionHash} in block {Hash256.Zero}", otherBlock.Message);
        Assert.Contains("2 receipt hashes for 3 receipts", shortHashes.Message);
        Assert.Contains("is not the root of its receipts", otherHashes.Message);
        Assert.Contains("the next epoch to commit is 1", skipped.Message);
        Assert.Equal(0ul, await store.LatestExecutedEpochAsync());
    }

    // The durable view stays at genesis; every write is refused with the cause, whatever it is.
    private static async Task AssertStoppedAsync(LedgerStore store, ulong failedEpoch)
    {
        Assert.Equal(0ul, await store.LatestExecutedEpochAsync());
        Assert.Equal(new LedgerCounts(0, 0, 0, 0, 0), await store.GetCountsAsync());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SavePendingAsync([(LedgerSamples.Hash("late"), [1, 2, 3])]));
        Assert.Contains($"the ledger store stopped: writing epoch {failedEpoch} failed", refused.Message);
        Assert.IsAssignableFrom<DbException>(refused.InnerException);
        await Assert.ThrowsAsync<InvalidOperationException>(store.EpochWrittenAsync);
        Assert.Empty(await store.LoadPendingAsync());
    }

    private static async Task AssertOnlyGenesisAsync(LedgerStore store, EpochRunner runner, EpochCommit failed)
    {
        Assert.Equal(0ul, await store.LatestExecutedEpochAsync());
        Assert.Null(await store.GetEpochAsync(1));
        foreach (var receipt in failed.Receipts)
            Assert.Null(await store.GetReceiptAsync(receipt.TransactionHash));
        Assert.Empty(await store.GetTransactionLocationsAsync(failed.Receipts[0].TransactionHash));
        Assert.Equal([10, 20, null], await EpochRunner.ReadCountersAsync(store.GrainStorage, 3));
        Assert.Equal(0ul, store.StateNodes.LatestVersion);
        Assert.Null(store.StateNodes.GetRoot(1));
        Assert.Equal(new LedgerCounts(0, 0, 0, 0, 0), await store.GetCountsAsync());
        Assert.NotEqual(failed.StateBatch.RootHash, runner.Tree.RootOf(0));
    }

    private static async Task<LedgerStore> ReopenAsync(LedgerStore store, TestDatabase test)
    {
        await store.DisposeAsync();
        return await test.OpenStoreAsync();
    }
}
