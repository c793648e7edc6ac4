using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Sdk;
using BriOrleans.Sdk.Api;
using BriOrleans.Transactions;
using BriOrleans.TypedData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriOrleans.Clients.Tests.Sdk;

/// <summary>Preparing, sending and waiting, against a server that answers as the node API documents.</summary>
public class BriClientTransactionTests
{
    private const ulong ChainId = 4242;

    private static readonly TransactionKind s_anchor = Kind("anchor-document");

    private static TransactionKind Kind(string name) => TransactionCatalog.TryGet(name, out var kind) ? kind : throw new ArgumentException(name);

    private static JsonObject AnchorFields(byte document) => new()
    {
        ["documentTypeCode"] = "INV",
        ["documentHash"] = NodeAnswers.Hash(document).ToString(),
    };

    private static IResult Json(string body, int status = 200) => Results.Text(body, "application/json", Encoding.UTF8, status);

    /// <summary>Admits every submission, as the node does, answering with the EIP-712 digest; records each nonce.</summary>
    private static async Task<IResult> Admit(HttpRequest request, ConcurrentQueue<ulong> nonces)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!;
        var typedData = TypedDataDocument.FromJson(body["typedData"]!);
        nonces.Enqueue((ulong)typedData.Message["nonce"]!);
        return Json($$"""{"hash":"{{Eip712.Digest(typedData)}}"}""", 202);
    }

    [Fact]
    public async Task Prepare_fills_in_the_chain_id_from_status_once_and_the_pending_nonce_of_the_sender()
    {
        var statusRequests = 0;
        await using var node = await ScriptedNode.StartAsync(api =>
        {
            api.MapGet("/v1/status", () =>
            {
                Interlocked.Increment(ref statusRequests);
                return Json(NodeAnswers.Status(ChainId));
            });
            api.MapGet("/v1/accounts/{address}", (string address) => Json(NodeAnswers.Account(Address.Parse(address), 5, 9)));
        });
        var client = node.Client();
        var from = TestKeys.First.Address;

        var first = await client.PrepareAsync(s_anchor, from, AnchorFields(1));
        var second = await client.PrepareAsync(s_anchor, from, AnchorFields(2));

        Assert.Equal(ChainId, (ulong)first.Domain["chainId"]!);
        Assert.Equal(9UL, (ulong)first.Message["nonce"]!);
        Assert.Equal(from.ToString(), (string?)first.Message["from"]);
        Assert.Equal("", (string?)first.Message["shipmentId"]);
        Assert.Equal(NodeAnswers.Hash(2).ToString(), (string?)second.Message["documentHash"]);
        Assert.Equal(1, statusRequests);
    }

    [Fact]
    public async Task Prepare_reports_a_missing_field_before_asking_the_node()
    {
        using var http = new HttpClient();
        var client = new BriClient(http, new Uri(ClosedPort.Url()));

        var error = await Assert.ThrowsAsync<TypedDataException>(() =>
            client.PrepareAsync(s_anchor, TestKeys.First.Address, new JsonObject { ["documentTypeCode"] = "INV" }));

        Assert.Equal("message.documentHash", error.Path);
    }

    [Fact]
    public async Task Concurrent_sends_from_one_key_get_consecutive_nonces_from_one_account_read()
    {
        var accountReads = 0;
        var nonces = new ConcurrentQueue<ulong>();
        await using var node = await ScriptedNode.StartAsync(api =>
        {
            api.MapGet("/v1/status", () => Json(NodeAnswers.Status(ChainId)));
            api.MapGet("/v1/accounts/{address}", (string address) =>
            {
                Interlocked.Increment(ref accountReads);
                return Json(NodeAnswers.Account(Address.Parse(address), 3, 3));
            });
            api.MapPost("/v1/transactions", (HttpRequest request) => Admit(request, nonces));
        });
        var client = node.Client();

        var sent = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => client.SendAsync(s_anchor, TestKeys.First, AnchorFields((byte)i), wait: false)));

        Assert.Equal([.. Enumerable.Range(3, 12).Select(n => (ulong)n)], nonces.Order());
        Assert.Equal(12, sent.Select(s => s.Hash).Distinct().Count());
        Assert.All(sent, s => Assert.Null(s.Receipt));
        Assert.Equal(1, accountReads);
    }

    [Fact]
    public async Task A_refused_send_forgets_the_local_nonce_so_the_next_send_starts_from_the_node()
    {
        var nonces = new ConcurrentQueue<ulong>();
        var submissions = 0;
        await using var node = await ScriptedNode.StartAsync(api =>
        {
            api.MapGet("/v1/status", () => Json(NodeAnswers.Status(ChainId)));
            api.MapGet("/v1/accounts/{address}", (string address) => Json(NodeAnswers.Account(Address.Parse(address), 7, 7)));
            api.MapPost("/v1/transactions", async (HttpRequest request) => Interlocked.Increment(ref submissions) == 1
                ? Json(NodeAnswers.Error("pool_full", "retry later"), 503)
                : await Admit(request, nonces));
        });
        var client = node.Client();

        var refusal = await Assert.ThrowsAsync<BriApiException>(() => client.SendAsync(s_anchor, TestKeys.First, AnchorFields(1), wait: false));
        await client.SendAsync(s_anchor, TestKeys.First, AnchorFields(1), wait: false);
        await client.SendAsync(s_anchor, TestKeys.First, AnchorFields(2), wait: false);

        Assert.Equal("pool_full", refusal.Code);
        Assert.Equal([7UL, 8UL], nonces);
    }

    [Fact]
    public async Task Wait_asks_until_the_transaction_has_a_receipt_and_returns_it()
    {
        var hash = NodeAnswers.Hash(42);
        var asked = 0;
        await using var node = await ScriptedNode.StartAsync(api =>
            api.MapGet("/v1/transactions/{hash}", () => Interlocked.Increment(ref asked) < 3
                ? Json("""{"status":"pending","receipt":null}""")
                : Json($$"""{"status":"failed","receipt":{{NodeAnswers.Receipt(hash, "failed", "document_exists", "anchored already")}}}""")));
        var client = new BriClient(new HttpClient(), node.Url) { PollInterval = TimeSpan.FromMilliseconds(10) };

        var receipt = await client.WaitAsync(hash, TimeSpan.FromMinutes(1));

        Assert.Equal(3, asked);
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.Equal(TransactionStatus.Failed, receipt.Status);
        Assert.Equal("document_exists", receipt.ReasonCode);
        Assert.Equal("anchored already", receipt.Message);
        Assert.Equal(12UL, receipt.Epoch);
        Assert.Equal(4, receipt.Position);
    }

    [Fact]
    public async Task Wait_gives_up_with_a_timeout_naming_the_transaction()
    {
        await using var node = await ScriptedNode.StartAsync(api =>
            api.MapGet("/v1/transactions/{hash}", () => Json("""{"status":"pending","receipt":null}""")));
        var client = new BriClient(new HttpClient(), node.Url) { PollInterval = TimeSpan.FromMilliseconds(10) };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitAsync(NodeAnswers.Hash(9), TimeSpan.FromMilliseconds(100)));

        Assert.Contains($"transaction {NodeAnswers.Hash(9)} is still pending", error.Message);
    }

    [Fact]
    public async Task Send_with_wait_returns_the_hash_and_the_receipt()
    {
        var nonces = new ConcurrentQueue<ulong>();
        await using var node = await ScriptedNode.StartAsync(api =>
        {
            api.MapGet("/v1/status", () => Json(NodeAnswers.Status(ChainId)));
            api.MapGet("/v1/accounts/{address}", (string address) => Json(NodeAnswers.Account(Address.Parse(address), 0, 0)));
            api.MapPost("/v1/transactions", (HttpRequest request) => Admit(request, nonces));
            api.MapGet("/v1/transactions/{hash}", (string hash) =>
                Json($$"""{"status":"executed","receipt":{{NodeAnswers.Receipt(Hash256.Parse(hash), "executed")}}}"""));
        });

        var sent = await node.Client().SendAsync(s_anchor, TestKeys.First, AnchorFields(1), wait: true);

        var expected = Eip712.Digest(s_anchor.Prepare(AnchorFields(1), TestKeys.First.Address, 0, ChainId));
        Assert.Equal(expected, sent.Hash);
        Assert.Equal(expected, sent.Receipt!.TransactionHash);
        Assert.Equal(TransactionStatus.Executed, sent.Receipt.Status);
    }

    [Fact]
    public async Task Status_reads_every_documented_field()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/status", () => Json(NodeAnswers.Status(ChainId))));

        var status = await node.Client().GetStatusAsync();

        Assert.Equal(new NodeStatus(ChainId, "scripted", NodeAnswers.NodeId, "CN", 3, 2, 5, NodeAnswers.Hash(1), 1,
            new TransactionTotals(4, 1, 0), null), status);
    }
}
