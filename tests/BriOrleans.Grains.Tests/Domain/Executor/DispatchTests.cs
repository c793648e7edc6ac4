using System.Numerics;
using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Executor;

public sealed class DispatchTests
{
    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in TransactionCatalog.All)
            data.Add(kind.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_transaction_kind_reaches_the_rules_of_its_grain(string kindName)
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        Assert.True(TransactionCatalog.TryGet(kindName, out var kind));

        var outcome = await ledger.SubmitAsync(cast.Exporter, (from, nonce) => Sample(kind.RecordType, from, nonce));

        Assert.True(outcome.LeavesReceipt);
        Assert.DoesNotContain(outcome.ReasonCode, new[] { ReasonCodes.SenderNotRegistered, ReasonCodes.SenderSuspended });
    }

    [Fact]
    public async Task A_transaction_sent_to_the_grain_of_another_key_is_misuse()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        var create = (CreateShipment)Tx.CreateShipment(cast, "SH-1")(cast.Exporter.Address, 0);
        var context = new TransactionContext(Tx.HashOf("tx"), Tx.HashOf("block"), 1, ledger.Now);

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.Grains.GetGrain<IShipmentGrain>("SH-2").CreateAsync(create, context));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.Account(cast.Importer.Address)
            .SuspendAsync(new SuspendOrganization(TestLedger.Registrar("PK").Address, 0, cast.Exporter.Address, "x"), context));
    }

    /// <summary>A record of the kind with a plausible value in every field: the sender where an address is needed.</summary>
    internal static ITransaction Sample(Type record, Address from, ulong nonce)
    {
        var parameters = record.GetConstructors().Single().GetParameters();
        var arguments = parameters.Select((p, i) => i switch
        {
            0 => from,
            1 => nonce,
            _ => Value(p.ParameterType, p.Name!, from),
        }).ToArray();
        return (ITransaction)Activator.CreateInstance(record, arguments)!;
    }

    private static object Value(Type type, string name, Address from) => type switch
    {
        _ when type == typeof(Address) => from,
        _ when type == typeof(ulong) => Tx.EventTime,
        _ when type == typeof(BigInteger) => new BigInteger(1_000),
        _ when type == typeof(Hash256) => Tx.HashOf(name),
        _ when type == typeof(string) => name.EndsWith("Country", StringComparison.Ordinal) || name == "Country" ? "CN" : "X-1",
        _ when type == typeof(Goods) => new Goods(Tx.HashOf("goods"), ["844630"], 1, "USD"),
        _ when type == typeof(IReadOnlyList<string>) => Array.Empty<string>(),
        _ when type == typeof(IReadOnlyList<Address>) => new[] { from },
        _ when type == typeof(IReadOnlyList<ContractMilestone>) => new[] { Tx.Milestone("M", from) },
        _ => throw new ArgumentException($"no sample for {type.Name} {name}"),
    };
}
