using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>A status code and the JSON body the node answered with.</summary>
public sealed record NodeAnswer(HttpStatusCode Status, JsonNode? Body, string Text)
{
    /// <summary>The stable code of an error answer, <c>{"error":{"code":…}}</c>; null for any other body.</summary>
    public string? ErrorCode => (string?)Body?["error"]?["code"];

    public string? ErrorMessage => (string?)Body?["error"]?["message"];

    public override string ToString() => $"{(int)Status} {Text}";
}

/// <summary>The node's HTTP API as a test drives it: raw requests, signed transactions, reads, and waiting for receipts.</summary>
public sealed class NodeApi(HttpClient http)
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(40);

    public HttpClient Http => http;

    /// <summary>The body <c>POST /v1/transactions</c> takes for <paramref name="tx"/>.</summary>
    public static JsonObject BodyOf(SignedTransaction tx, ulong chainId) => new()
    {
        ["typedData"] = tx.Kind.ToTypedData(tx.Transaction, chainId).ToJson(),
        ["signature"] = tx.Signature.ToString(),
    };

    public Task<NodeAnswer> SubmitAsync(SignedTransaction tx, ulong chainId, CancellationToken cancellation = default) =>
        PostAsync(BodyOf(tx, chainId).ToJsonString(), cancellation);

    public const string SubmitPath = "/v1/transactions";

    public const string BatchPath = "/v1/transactions/batch";

    /// <summary>The body <c>POST /v1/transactions/batch</c> takes for <paramref name="items"/>, each a transaction's body or any other JSON.</summary>
    public static JsonObject BatchOf(params JsonNode?[] items) => new() { ["transactions"] = new JsonArray(items) };

    public Task<NodeAnswer> PostAsync(string body, CancellationToken cancellation = default) => PostAsync(SubmitPath, body, cancellation);

    public async Task<NodeAnswer> PostAsync(string path, string body, CancellationToken cancellation = default)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, content, cancellation);
        return await AnswerOf(response, cancellation);
    }

    /// <summary>Posts <paramref name="body"/> without a Content-Length, in chunks, as a client streaming its body does.</summary>
    public async Task<NodeAnswer> PostChunkedAsync(string path, string body, CancellationToken cancellation = default)
    {
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(body));
        using var response = await http.PostAsync(path, content, cancellation);
        return await AnswerOf(response, cancellation);
    }

    private sealed class ChunkedContent : HttpContent
    {
        private const int Chunk = 4096;
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var at = 0; at < _bytes.Length; at += Chunk)
            {
                await stream.WriteAsync(_bytes.AsMemory(at, Math.Min(Chunk, _bytes.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    public async Task<NodeAnswer> GetAsync(string path, CancellationToken cancellation = default)
    {
        using var response = await http.GetAsync(path, cancellation);
        return await AnswerOf(response, cancellation);
    }

    /// <summary>A read that must succeed: the JSON body, or a failure naming what the node answered.</summary>
    public async Task<JsonNode> ReadAsync(string path, CancellationToken cancellation = default)
    {
        var answer = await GetAsync(path, cancellation);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {path} answered {answer}");
        return answer.Body!;
    }

    public async Task<JsonObject> StatusAsync() => (await ReadAsync("/v1/status")).AsObject();

    /// <summary>Submits <paramref name="tx"/>, which must be accepted, and waits for its receipt.</summary>
    public async Task<JsonObject> SendAsync(SignedTransaction tx, ulong chainId)
    {
        var answer = await SubmitAsync(tx, chainId);
        Assert.True(answer.Status == HttpStatusCode.Accepted, $"{tx.Kind} nonce {tx.Transaction.Nonce} was refused: {answer}");
        return await WaitForReceiptAsync(tx.Hash);
    }

    /// <summary>Polls <c>GET /v1/transactions/{hash}</c> until the node reports the receipt, failing after <paramref name="limit"/>.</summary>
    public async Task<JsonObject> WaitForReceiptAsync(Hash256 hash, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.StartNew();
        var allowed = limit ?? TimeSpan.FromSeconds(60);
        while (true)
        {
            var answer = await GetAsync($"/v1/transactions/{hash}");
            if (answer.Status == HttpStatusCode.OK && answer.Body!["receipt"] is JsonObject receipt)
                return receipt;
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET /v1/transactions/{hash} answered {answer}");
            if (deadline.Elapsed > allowed)
                Assert.Fail($"transaction {hash} has no receipt after {allowed.TotalSeconds} s; the node last answered {answer}");
            await Task.Delay(s_poll);
        }
    }

    private static async Task<NodeAnswer> AnswerOf(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        JsonNode? body = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
            body = JsonNode.Parse(text);
        return new NodeAnswer(response.StatusCode, body, text);
    }
}
