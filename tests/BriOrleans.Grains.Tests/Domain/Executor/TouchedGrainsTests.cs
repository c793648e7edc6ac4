using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Execution;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Executor;

/// <summary>The grains an epoch prefetches for a transaction: its sender's account and the grain it is about.</summary>
public sealed class TouchedGrainsTests
{
    private static readonly Address Sender = TestKeys.FromLabel("touched/sender").Address;

    [Theory]
    [MemberData(nameof(DispatchTests.Kinds), MemberType = typeof(DispatchTests))]
    public void Every_kind_names_the_senders_account_and_the_grain_it_is_about(string kindName)
    {
        Assert.True(TransactionCatalog.TryGet(kindName, out var kind));
        var touched = TouchedGrains.Of(DispatchTests.Sample(kind.RecordType, Sender, 0)).ToList();

        Assert.Equal(2, touched.Count);
        Assert.Equal(GrainId.Create("account", IAccountGrain.KeyOf(Sender)), touched[0]);
        Assert.Contains(touched[1].Type, new[] { "account", "shipment", "document", "contract", "project" });
    }

    [Fact]
    public void The_grain_named_is_the_one_the_transaction_is_keyed_by()
    {
        var target = TestKeys.FromLabel("touched/target").Address;
        var document = Tx.HashOf("bill of lading");

        Assert.Equal(GrainId.Create("document", IDocumentGrain.KeyOf(document)),
            TouchedGrains.Of(new AnchorDocument(Sender, 0, "BL", document)).Last());
        Assert.Equal(GrainId.Create("shipment", "SH-7"), TouchedGrains.Of(new AcceptCustody(Sender, 0, "SH-7")).Last());
        Assert.Equal(GrainId.Create("account", IAccountGrain.KeyOf(target)),
            TouchedGrains.Of(new SuspendOrganization(Sender, 0, target, "review")).Last());
    }

    [Fact]
    public void An_id_that_is_no_valid_grain_key_names_only_the_sender()
    {
        var touched = TouchedGrains.Of(new AcceptCustody(Sender, 0, "not a valid id!")).ToList();

        Assert.Equal([GrainId.Create("account", IAccountGrain.KeyOf(Sender))], touched);
    }
}
