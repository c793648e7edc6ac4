using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Restart;

/// <summary>
/// A node stopped gracefully and started again on the same data directory and database resumes where it was:
/// the same chain and state root, the same receipts, and new transactions continue from the stored nonces.
/// </summary>
public sealed class RestartTests
{
    private const ulong ChainId = TestNetwork.ChainId;

    [Theory]
    [InlineData(TestStorage.Sqlite)]
    [InlineData(TestStorage.Postgres)]
    public async Task A_restarted_node_serves_the_same_state_and_receipts_and_takes_the_next_nonces(string storageKind)
    {
        using var network = TestNetwork.Create();
        await using var storage = await TestStorage.CreateAsync(storageKind);
        var registrar = network.Registrar;
        var trader = TestKeys.Of("restart/trader");
        var consignee = TestKeys.Of("restart/consignee");
        SignedTransaction[] sent =
        [
            Sign(TradeTransactions.Register(registrar, 0, trader.Address, "Urumqi Logistics", network.RegistrarCountry, TradeTransactions.TraderRoles), registrar),
            Sign(TradeTransactions.Register(registrar, 1, consignee.Address, "Astana Textiles", network.RegistrarCountry, "importer"), registrar),
            Sign(TradeTransactions.Shipment(trader.Address, 0, "UL-7", consignee.Address), trader),
            Sign(TradeTransactions.Invoice(trader.Address, 1, "invoice UL-7", "UL-7"), trader),
            Sign(TradeTransactions.Invoice(trader.Address, 2, "invoice UL-7", "UL-7"), trader),
        ];

        var first = await InProcessNode.StartAsync(network.DataDirectory, storage.Option);
        JsonNode before;
        try
        {
            foreach (var tx in sent)
                await first.Api.SendAsync(tx, ChainId);
            before = await SnapshotAsync(first.Api, sent);
        }
        finally
        {
            await first.StopAsync();
        }
        await using var second = await InProcessNode.StartAsync(network.DataDirectory, storage.Option);
        var after = await SnapshotAsync(second.Api, sent);
        var replayed = await second.Api.SubmitAsync(sent[3], ChainId);
        var next = await second.Api.SendAsync(Sign(TradeTransactions.PlannedArrival(trader.Address, 3, "UL-7", "UL-7-ARRI"), trader), ChainId);
        var registration = await second.Api.SendAsync(
            Sign(TradeTransactions.Register(registrar, 2, TestKeys.Of("restart/late").Address, "Gwadar Port Services", network.RegistrarCountry, "port"), registrar), ChainId);

        Assert.True(JsonNode.DeepEquals(before, after), $"before the restart:\n{before.ToJsonString()}\nafter it:\n{after.ToJsonString()}");
        Assert.Equal(["executed", "executed", "executed", "executed", "failed"], before["receipts"]!.AsArray().Select(r => (string?)r!["status"]));
        Assert.True(replayed.Status == HttpStatusCode.Conflict && replayed.ErrorCode == "nonce_too_old", replayed.ToString());
        Assert.Equal("executed", (string?)next["status"]);
        Assert.Equal("executed", (string?)registration["status"]);
        Assert.True((ulong)next["epoch"]! > (ulong)(long)before["status"]!["executedEpoch"]!, next.ToJsonString());
        var status = await second.Api.StatusAsync();
        Assert.Equal((long)before["status"]!["transactions"]!["executed"]! + 2, (long)status["transactions"]!["executed"]!);
        Assert.NotEqual((string?)before["status"]!["stateRoot"], (string?)status["stateRoot"]);
    }

    private static SignedTransaction Sign(ITransaction transaction, BriOrleans.Crypto.PrivateKey key) => SignedTransaction.Sign(transaction, key, ChainId);

    // What a restart must keep: the status, every receipt, the latest epoch, and the objects the transactions wrote.
    private static async Task<JsonNode> SnapshotAsync(NodeApi api, IReadOnlyList<SignedTransaction> sent)
    {
        var status = await api.StatusAsync();
        var receipts = new JsonArray();
        foreach (var tx in sent)
            receipts.Add((await api.ReadAsync($"/v1/transactions/{tx.Hash}"))["receipt"]!.DeepClone());
        var trader = sent[2].Transaction.From;
        return new JsonObject
        {
            ["status"] = status,
            ["receipts"] = receipts,
            ["epoch"] = await api.ReadAsync($"/v1/epochs/{(long)status["executedEpoch"]!}"),
            ["shipment"] = await api.ReadAsync("/v1/shipments/UL-7"),
            ["document"] = await api.ReadAsync($"/v1/documents/{TradeTransactions.HashOf("invoice UL-7")}"),
            ["trader"] = await api.ReadAsync($"/v1/accounts/{trader}"),
            ["registrar"] = await api.ReadAsync($"/v1/accounts/{sent[0].Transaction.From}"),
        };
    }
}
