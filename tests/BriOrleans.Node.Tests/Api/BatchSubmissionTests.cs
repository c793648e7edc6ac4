using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// <c>POST /v1/transactions/batch</c> admits each transaction as if it came alone and answers one result per
/// transaction, in order: the hash of an admitted one, the refusal of a bad one, which leaves no trace.
/// </summary>
[Collection(RefusalNodeCollection.Name)]
public sealed class BatchSubmissionTests(RefusalNode node)
{
    private const ulong ChainId = TestNetwork.ChainId;

    private PrivateKey Registrar => node.Network.Registrar;

    private SignedTransaction Invoice(ulong nonce, string label) =>
        SignedTransaction.Sign(TradeTransactions.Invoice(node.Exporter.Address, nonce, $"batch test invoice: {label} {nonce}"), node.Exporter, ChainId);

    private SignedTransaction Registration(ulong nonce) =>
        SignedTransaction.Sign(
            TradeTransactions.Register(Registrar, nonce, TestKeys.Of($"batch-tests/member-{nonce}").Address, $"Batch Member {nonce}", node.Network.RegistrarCountry, "importer"),
            Registrar, ChainId);

    private static JsonObject Body(SignedTransaction tx) => NodeApi.BodyOf(tx, ChainId);

    /// <summary>Posts the batch, which the node must answer with 200 and one result per item; returns the results.</summary>
    private async Task<JsonObject[]> SubmitBatchAsync(params JsonNode?[] items)
    {
        var answer = await node.Api.PostAsync(NodeApi.BatchPath, NodeApi.BatchOf(items).ToJsonString());

        Assert.True(answer.Status == HttpStatusCode.OK, $"the batch was refused: {answer}");
        var results = Assert.IsType<JsonArray>(answer.Body!["results"]);
        Assert.Equal(items.Length, results.Count);
        return [.. results.Select(r => Assert.IsType<JsonObject>(r))];
    }

    /// <summary>Waits for the receipt of <paramref name="tx"/>, which must say executed, and returns it.</summary>
    private async Task<JsonObject> AssertExecutedAsync(SignedTransaction tx)
    {
        var receipt = await node.Api.WaitForReceiptAsync(tx.Hash);
        Assert.True((string?)receipt["status"] == "executed", $"{tx.Kind} nonce {tx.Transaction.Nonce}: {receipt.ToJsonString()}");
        return receipt;
    }

    [Fact]
    public async Task A_batch_from_two_senders_is_admitted_in_order_and_every_transaction_executes()
    {
        var registrarNonce = await node.NextNonceAsync(Registrar.Address);
        var exporterNonce = await node.NextNonceAsync(node.Exporter.Address);
        SignedTransaction[] batch = [.. Enumerable.Range(0, 3).SelectMany(i => new[]
        {
            Registration(registrarNonce + (ulong)i),
            Invoice(exporterNonce + (ulong)i, "two senders"),
        })];

        var results = await SubmitBatchAsync([.. batch.Select(Body)]);

        Assert.Equal(batch.Select(tx => tx.Hash.ToString()), results.Select(r => (string?)r["hash"]));
        Assert.All(results, r => Assert.Null(r["error"]));
        foreach (var tx in batch)
            await AssertExecutedAsync(tx);
        Assert.Equal(registrarNonce + 3, await node.NextNonceAsync(Registrar.Address));
        Assert.Equal(exporterNonce + 3, await node.NextNonceAsync(node.Exporter.Address));
        await node.WaitUntilNothingIsPendingAsync();
    }

    [Fact]
    public async Task A_batch_streamed_without_a_length_and_larger_than_the_first_buffer_is_admitted_whole()
    {
        var exporterNonce = await node.NextNonceAsync(node.Exporter.Address);
        // Long URIs make the body several times the 16 KiB a body without a declared length is first read into.
        SignedTransaction[] batch = [.. Enumerable.Range(0, 30).Select(i => SignedTransaction.Sign(
            TradeTransactions.Invoice(node.Exporter.Address, exporterNonce + (ulong)i, $"streamed batch invoice {i}") with
            {
                Uri = "https://docs.example/" + new string((char)('a' + i % 26), 2000),
            },
            node.Exporter, ChainId))];
        var json = NodeApi.BatchOf([.. batch.Select(Body)]).ToJsonString();
        Assert.True(json.Length > 3 * 16 * 1024);

        var answer = await node.Api.PostChunkedAsync(NodeApi.BatchPath, json);

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(batch.Select(tx => tx.Hash.ToString()), answer.Body!["results"]!.AsArray().Select(r => (string?)r!["hash"]));
        await AssertExecutedAsync(batch[^1]);
        await node.WaitUntilNothingIsPendingAsync();
    }

    [Fact]
    public async Task Bad_items_get_the_refusal_they_would_get_alone_while_the_good_ones_are_admitted_and_execute()
    {
        var exporterNonce = await node.NextNonceAsync(node.Exporter.Address);
        var registrarNonce = await node.NextNonceAsync(Registrar.Address);
        var stranger = TestKeys.Of("batch-tests/stranger");
        var fromStranger = SignedTransaction.Sign(TradeTransactions.Invoice(stranger.Address, 0, "batch test: stranger"), stranger, ChainId);
        var badlySigned = Invoice(exporterNonce + 1, "bad signature");
        var badSignature = Body(badlySigned);
        badSignature["signature"] = "0x1234";
        var otherChain = SignedTransaction.Sign(badlySigned.Transaction, node.Exporter, ChainId + 1);
        var replay = Registration(0);
        var good = new Dictionary<int, SignedTransaction>
        {
            [0] = Invoice(exporterNonce, "mixed"),
            [3] = Invoice(exporterNonce + 1, "mixed"),
            [7] = Registration(registrarNonce),
        };
        var bad = new Dictionary<int, (string Code, SignedTransaction Tx, JsonObject Body)>
        {
            [1] = ("invalid_signature", badlySigned, badSignature),
            [2] = ("unknown_sender", fromStranger, Body(fromStranger)),
            [4] = ("wrong_chain_id", otherChain, NodeApi.BodyOf(otherChain, ChainId + 1)),
            [6] = ("nonce_too_old", replay, Body(replay)),
        };
        // What each bad item earns when submitted alone: the batch must answer the same code and message.
        var alone = new Dictionary<int, NodeAnswer>();
        foreach (var (i, item) in bad)
        {
            alone[i] = await node.Api.PostAsync(item.Body.ToJsonString());
            Assert.True(alone[i].ErrorCode == item.Code, $"item {i} alone: expected {item.Code}, got {alone[i]}");
        }
        const int NotAnObject = 5;
        var items = new JsonNode?[8];
        foreach (var (i, tx) in good)
            items[i] = Body(tx);
        foreach (var (i, item) in bad)
            items[i] = item.Body;
        items[NotAnObject] = "an invoice, but not an object";

        var results = await SubmitBatchAsync(items);

        foreach (var (i, tx) in good)
            Assert.True((string?)results[i]["hash"] == tx.Hash.ToString() && results[i]["error"] is null, $"item {i}: {results[i].ToJsonString()}");
        foreach (var (i, _) in bad)
        {
            Assert.True(results[i]["hash"] is null, $"item {i}: {results[i].ToJsonString()}");
            Assert.Equal(alone[i].ErrorCode, (string?)results[i]["error"]?["code"]);
            Assert.Equal(alone[i].ErrorMessage, (string?)results[i]["error"]?["message"]);
        }
        Assert.Equal("invalid_request", (string?)results[NotAnObject]["error"]?["code"]);
        Assert.StartsWith($"transactions[{NotAnObject}] ", (string?)results[NotAnObject]["error"]?["message"], StringComparison.Ordinal);
        foreach (var tx in good.Values)
            await AssertExecutedAsync(tx);
        foreach (var item in bad.Values)
            await node.AssertUnknownAsync(item.Tx.Hash);
        await node.WaitUntilNothingIsPendingAsync();
    }

    [Fact]
    public async Task Consecutive_nonces_of_one_sender_in_reverse_order_are_all_admitted_and_execute_in_nonce_order()
    {
        var next = await node.NextNonceAsync(node.Exporter.Address);
        SignedTransaction[] reversed = [.. Enumerable.Range(0, 5).Select(i => Invoice(next + 4 - (ulong)i, "reversed"))];

        var results = await SubmitBatchAsync([.. reversed.Select(Body)]);

        Assert.Equal(reversed.Select(tx => tx.Hash.ToString()), results.Select(r => (string?)r["hash"]));
        var receipts = new List<JsonObject>();
        foreach (var tx in reversed)
            receipts.Add(await AssertExecutedAsync(tx));
        var executionOrder = receipts.OrderBy(r => (ulong)r["epoch"]!).ThenBy(r => (int)r["position"]!).Select(r => (ulong)r["nonce"]!);
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => next + (ulong)i)], executionOrder);
        Assert.Equal(next + 5, await node.NextNonceAsync(node.Exporter.Address));
        await node.WaitUntilNothingIsPendingAsync();
    }
}
