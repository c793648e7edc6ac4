namespace BriOrleans.Storage.Tests;

/// <summary>Blocks are stored as they arrive and come back, byte for byte, in arrival order to rebuild the tree-graph.</summary>
public class BlockStoreTests
{
    [Theory, Providers]
    public async Task Blocks_come_back_in_arrival_order_with_their_canonical_bytes(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var chain = LedgerSamples.Chain(6, transactionsEach: 3);
        // Arrival order is not height order: a child may arrive before a sibling of its parent.
        int[] arrival = [2, 0, 5, 1, 4, 3];
        await using (var store = await test.OpenStoreAsync())
            for (var i = 0; i < chain.Count; i++)
                await store.SaveBlockAsync(chain[arrival[i]], i);

        await using var reopened = await test.OpenStoreAsync();
        var loaded = new List<StoredBlock>();
        await foreach (var stored in reopened.LoadBlocksAsync())
            loaded.Add(stored);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), loaded.Select(b => b.ArrivalIndex));
        Assert.Equal(arrival.Select(i => chain[i].Encode()), loaded.Select(b => b.Block.Encode()));
        Assert.All(loaded, b => Assert.Empty(b.Block.IntrinsicProblems()));
        Assert.Equal(6, (await reopened.GetCountsAsync()).Blocks);
    }

    [Theory, Providers]
    public async Task Saving_a_stored_block_again_changes_nothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var block = LedgerSamples.Chain(1)[0];

        await store.SaveBlockAsync(block, 0);
        await store.SaveBlockAsync(block, 0);
        await store.SaveBlockAsync(block, 7);

        var loaded = new List<StoredBlock>();
        await foreach (var stored in store.LoadBlocksAsync())
            loaded.Add(stored);
        Assert.Equal(0, Assert.Single(loaded).ArrivalIndex);
        Assert.Equal(1, (await store.GetCountsAsync()).Blocks);
    }

    [Theory, Providers]
    public async Task Another_block_at_a_taken_arrival_index_is_refused_and_not_stored(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var chain = LedgerSamples.Chain(2);
        await store.SaveBlockAsync(chain[0], 0);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveBlockAsync(chain[1], 0));

        Assert.Contains($"arrival index 0 already holds block {chain[0].Id}", refused.Message);
        Assert.Null(await store.GetBlockAsync(chain[1].Id));
        Assert.Equal(1, (await store.GetCountsAsync()).Blocks);
    }

    [Theory, Providers]
    public async Task A_staged_block_that_cannot_be_written_stops_the_store_with_that_failure_as_the_reason(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var chain = LedgerSamples.Chain(3);
        await store.SaveBlockAsync(chain[0], 0);

        // Whoever staged it has moved on: the write's task only tells that it is over.
        await store.StageBlock(chain[1], 0);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveBlockAsync(chain[2], 1));
        Assert.Contains($"the ledger store stopped: writing block {chain[1].Id} failed", refused.Message);
        Assert.Contains($"arrival index 0 already holds block {chain[0].Id}", refused.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(store.EpochWrittenAsync);
        Assert.Null(await store.GetBlockAsync(chain[1].Id));
        Assert.Null(await store.GetBlockAsync(chain[2].Id));
        Assert.Equal(1, (await store.GetCountsAsync()).Blocks);
    }

    [Theory, Providers]
    public async Task A_block_is_found_by_its_id_and_an_unknown_id_finds_nothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var store = await test.OpenStoreAsync();
        var chain = LedgerSamples.Chain(3);
        for (var i = 0; i < chain.Count; i++)
            await store.SaveBlockAsync(chain[i], i);

        Assert.Equal(chain[1].Encode(), (await store.GetBlockAsync(chain[1].Id))!.Encode());
        Assert.Null(await store.GetBlockAsync(LedgerSamples.Hash("no such block")));
    }
}
