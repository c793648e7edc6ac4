using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Sdk.Api;
using BriOrleans.Transactions;
using BriOrleans.TypedData;

namespace BriOrleans.Sdk;

/// <summary>
/// A client of one node's HTTP API: reads, prepares typed data to sign (chain id and nonce from the node), submits
/// signed transactions, waits for receipts and follows executed epochs. Refusals are <see cref="BriApiException"/>,
/// a node that does not answer is <see cref="NodeUnreachableException"/>. Safe for concurrent use.
/// </summary>
public sealed partial class BriClient
{
    private readonly HttpClient _http;
    private readonly SenderNonces _nonces = new();
    private readonly Lock _chainIdLock = new();
    private ulong? _chainId;

    /// <param name="http">Used as given; its own Timeout should be infinite to follow <see cref="EpochsAsync"/>.</param>
    /// <param name="node">The node's base URL, e.g. <c>http://127.0.0.1:8545</c>.</param>
    public BriClient(HttpClient http, Uri node)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(node);
        if (!node.IsAbsoluteUri || node.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{node}' is not an http(s) URL", nameof(node));
        _http = http;
        Node = node.AbsoluteUri.EndsWith('/') ? node : new Uri(node.AbsoluteUri + "/");
    }

    public Uri Node { get; }

    /// <summary>How long one request may take before the node counts as unreachable.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often <see cref="WaitAsync"/> asks for a pending transaction.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long <see cref="SendAsync"/> waits for a receipt when asked to.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task<NodeStatus> GetStatusAsync(CancellationToken cancellation = default) =>
        Read<NodeStatus>(await GetAsync("v1/status", cancellation).ConfigureAwait(false), "v1/status");

    /// <summary>The network's chain id, asked of the node once and then remembered (it never changes).</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellation = default)
    {
        lock (_chainIdLock)
        {
            if (_chainId is { } known)
                return known;
        }
        var chainId = (await GetStatusAsync(cancellation).ConfigureAwait(false)).ChainId;
        lock (_chainIdLock)
            _chainId = chainId;
        return chainId;
    }

    public async Task<AccountInfo> GetAccountAsync(Address address, CancellationToken cancellation = default)
    {
        var path = $"v1/accounts/{address}";
        return Read<AccountInfo>(await GetAsync(path, cancellation).ConfigureAwait(false), path);
    }

    /// <summary>
    /// The typed data <paramref name="from"/> signs to send <paramref name="fields"/> as <paramref name="kind"/>:
    /// the network's chain id and the sender's <c>pendingNonce</c> filled in. A missing, unknown or malformed field
    /// is a <see cref="TypedDataException"/>, raised before the node is asked anything.
    /// </summary>
    public async Task<TypedDataDocument> PrepareAsync(TransactionKind kind, Address from, JsonObject fields, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(fields);
        kind.Prepare(fields, from, 0, 0);
        var chainId = await GetChainIdAsync(cancellation).ConfigureAwait(false);
        var account = await GetAccountAsync(from, cancellation).ConfigureAwait(false);
        return kind.Prepare(fields, from, account.PendingNonce, chainId);
    }

    /// <summary>Submits signed typed data; returns the transaction's hash once the node has admitted it to its pool.</summary>
    public async Task<Hash256> SubmitAsync(TypedDataDocument typedData, Signature signature, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(typedData);
        ArgumentNullException.ThrowIfNull(signature);
        return await SubmitAsync(SignedSubmission.Of(typedData, signature), cancellation).ConfigureAwait(false);
    }

    /// <summary>Submits a transaction signed beforehand; returns its hash once the node has admitted it to its pool.</summary>
    public async Task<Hash256> SubmitAsync(SignedSubmission transaction, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var answer = await RequestAsync(HttpMethod.Post, "v1/transactions", JsonContent(transaction.Body), cancellation).ConfigureAwait(false);
        return Read<SubmitAnswer>(answer, "v1/transactions").Hash;
    }

    public async Task<TransactionState> GetTransactionAsync(Hash256 hash, CancellationToken cancellation = default)
    {
        var path = $"v1/transactions/{hash}";
        return Read<TransactionState>(await GetAsync(path, cancellation).ConfigureAwait(false), path);
    }

    /// <summary>Asks every <see cref="PollInterval"/> until the transaction has a receipt; a <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<Receipt> WaitAsync(Hash256 hash, TimeSpan timeout, CancellationToken cancellation = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var state = await GetTransactionAsync(hash, limit.Token).ConfigureAwait(false);
                if (state.Status != TransactionProgress.Pending)
                    return state.Receipt ?? throw new BriApiException(HttpStatusCode.OK, BriApiException.MalformedResponse,
                        $"transaction {hash} is {state.Status} but the node sent no receipt");
                await Task.Delay(PollInterval, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"transaction {hash} is still pending after {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }

    /// <summary>
    /// Prepares, signs with <paramref name="key"/> and submits; with <paramref name="wait"/> also waits for the receipt.
    /// Nonces come from a local counter per sender (<see cref="SenderNonces"/>), so concurrent sends from one key
    /// through this client get consecutive nonces; sends from the same key through other clients must not overlap.
    /// </summary>
    public async Task<SendResult> SendAsync(TransactionKind kind, PrivateKey key, JsonObject fields, bool wait, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fields);
        var from = key.Address;
        kind.Prepare(fields, from, 0, 0);
        var chainId = await GetChainIdAsync(cancellation).ConfigureAwait(false);
        var nonce = await _nonces.TakeAsync(from, async (sender, c) => (await GetAccountAsync(sender, c).ConfigureAwait(false)).PendingNonce, cancellation)
            .ConfigureAwait(false);
        var typedData = kind.Prepare(fields, from, nonce, chainId);
        Hash256 hash;
        try
        {
            hash = await SubmitAsync(typedData, key.Sign(Eip712.Digest(typedData)), cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BriApiException or NodeUnreachableException or OperationCanceledException)
        {
            _nonces.Forget(from);
            throw;
        }
        return new SendResult(hash, wait ? await WaitAsync(hash, WaitTimeout, cancellation).ConfigureAwait(false) : null);
    }

    /// <summary>
    /// Any read endpoint as JSON, by its path relative to the node URL (e.g. <c>v1/shipments/BKG-1</c>); an unknown
    /// id is a <see cref="BriApiException"/> with code <c>not_found</c>.
    /// </summary>
    public Task<JsonNode> GetAsync(string path, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return RequestAsync(HttpMethod.Get, path.TrimStart('/'), null, cancellation);
    }

    /// <summary>
    /// Executed epochs as <c>GET /v1/events</c> announces them, from the moment of subscribing, until
    /// <paramref name="cancellation"/>. The node closing the stream is a <see cref="NodeUnreachableException"/>.
    /// </summary>
    public async IAsyncEnumerable<ExecutedEpoch> EpochsAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        using var response = await OpenEventStreamAsync(cancellation).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var items = SseParser.Create(stream).EnumerateAsync(cancellation).GetAsyncEnumerator(cancellation);
            await using (items.ConfigureAwait(false))
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await items.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or HttpRequestException)
                    {
                        throw new NodeUnreachableException(Node, $"the event stream broke: {e.Message}", e);
                    }
                    if (!more)
                        throw new NodeUnreachableException(Node, "the node closed the event stream", new EndOfStreamException());
                    if (items.Current.EventType == "epoch")
                        yield return Read<ExecutedEpoch>(ParseJson(HttpStatusCode.OK, items.Current.Data, "v1/events"), "v1/events");
                }
            }
        }
    }

    private async Task<HttpResponseMessage> OpenEventStreamAsync(CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Node, "v1/events"));
        request.Headers.Accept.ParseAdd("text/event-stream");
        HttpResponseMessage response;
        try
        {
            // No request timeout: a node may send the headers only with its first event.
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NodeUnreachableException(Node, e.Message, e);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw Refusal(response.StatusCode, await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
    }

    private static HttpContent JsonContent(ReadOnlyMemory<byte> body)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<JsonNode> RequestAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, new Uri(Node, path));
        request.Content = content;
        try
        {
            using var response = await _http.SendAsync(request, limit.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? ParseJson(response.StatusCode, text, path) : throw Refusal(response.StatusCode, text);
        }
        catch (HttpRequestException e)
        {
            throw new NodeUnreachableException(Node, e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new NodeUnreachableException(Node, $"no answer to {path} in time", e);
        }
    }

    private static JsonNode ParseJson(HttpStatusCode status, string text, string path)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException("the answer is JSON null");
        }
        catch (JsonException e)
        {
            throw new BriApiException(status, BriApiException.MalformedResponse, $"the answer to {path} is not JSON: {e.Message}");
        }
    }

    private static T Read<T>(JsonNode json, string path)
    {
        try
        {
            return json.Deserialize<T>(NodeJson.Options) ?? throw new JsonException("the answer is JSON null");
        }
        catch (JsonException e)
        {
            throw new BriApiException(HttpStatusCode.OK, BriApiException.MalformedResponse,
                $"the answer to {path} is not a {typeof(T).Name}: {e.Message}");
        }
    }

    /// <summary>The API's <c>{"error":{"code","message"}}</c>, or for any other body a code naming the HTTP status.</summary>
    private static BriApiException Refusal(HttpStatusCode status, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root?["error"] is JsonObject error && error["code"] is JsonValue code && code.TryGetValue<string>(out var codeText))
            return new BriApiException(status, codeText, error["message"] is JsonValue m && m.TryGetValue<string>(out var message) ? message : "");
        var excerpt = text.Length > 200 ? text[..200] + "…" : text;
        return new BriApiException(status, $"http_{(int)status}",
            excerpt.Trim().Length > 0 ? excerpt.Trim() : $"the node answered {(int)status} {status} without an error body");
    }

    private sealed record SubmitAnswer(Hash256 Hash);
}
