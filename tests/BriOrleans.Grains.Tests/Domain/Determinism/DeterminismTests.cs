using BriOrleans.GrainHost;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Determinism;

public sealed class DeterminismTests
{
    [Fact]
    public async Task The_same_transactions_on_two_hosts_give_byte_identical_state_for_every_grain()
    {
        await using var first = await TestLedger.StartAsync();
        await TradeStory.PlayAsync(first);

        // The second ledger runs the same history in two hosts over one store: the first host stops half-way,
        // so every grain of the second half is read back from storage before it runs again.
        var storage = new MemoryGrainStorage(new JsonGrainStorageSerializer());
        var half = first.History.Count / 2;
        var outcomes = new List<BriOrleans.Execution.TransactionOutcome>();
        await using (var early = await TestLedger.StartAsync(storage: storage))
        {
            foreach (var (transaction, context, _) in first.History.Take(half))
                outcomes.Add(await early.ExecuteAsync(transaction, context));
        }
        await using var late = await TestLedger.StartAsync(storage: storage, applyGenesis: false);
        foreach (var (transaction, context, _) in first.History.Skip(half))
            outcomes.Add(await late.ExecuteAsync(transaction, context));
        foreach (var (transaction, _, _) in first.History)
            late.Keys.AddFrom(transaction.Transaction);

        var expected = await StoredState.ReadAsync(first);
        var actual = await StoredState.ReadAsync(late);

        Assert.Equal(first.History.Select(h => h.Outcome), outcomes);
        Assert.Equal(
            [("account", 20), ("contract", 1), ("country", 3), ("document", 5), ("project", 1), ("shipment", 1)],
            expected.Keys.GroupBy(k => k.Split('/')[0]).Select(g => (g.Key, g.Count())));
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, record => Assert.Equal(record.Value, actual[record.Key]));
    }

    [Fact]
    public async Task An_account_grain_is_reached_only_by_the_lower_case_key_so_no_address_has_two_grains()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("CN").Address;
        Assert.NotEqual(registrar.ToString(), GrainInterfaces.IAccountGrain.KeyOf(registrar));

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.Grains.GetGrain<GrainInterfaces.IAccountGrain>(registrar.ToString()).GetOrganizationAsync());
        Assert.NotNull(await ledger.OrganizationAsync(registrar));
    }
}
