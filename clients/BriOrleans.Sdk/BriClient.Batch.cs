using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Sdk.Api;
using BriOrleans.Transactions;

namespace BriOrleans.Sdk;

public sealed partial class BriClient
{
    /// <summary>The most transactions the node takes in one batch.</summary>
    public const int MaxBatchTransactions = SubmissionLimits.MaxBatchTransactions;

    private static readonly byte[] s_batchOpening = "{\"transactions\":["u8.ToArray();
    private static readonly byte[] s_batchClosing = "]}"u8.ToArray();

    /// <summary>
    /// Submits up to <see cref="MaxBatchTransactions"/> signed transactions in one request
    /// (<c>POST /v1/transactions/batch</c>); the node checks and admits each as if it came alone and answers one
    /// result per transaction, in order. A refusal of the whole batch is a <see cref="BriApiException"/>.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionResult>> SubmitBatchAsync(IReadOnlyList<SignedSubmission> transactions,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count is 0 or > MaxBatchTransactions)
            throw new ArgumentOutOfRangeException(nameof(transactions), transactions.Count, $"a batch carries 1 to {MaxBatchTransactions} transactions");
        var body = new MemoryStream(s_batchOpening.Length + s_batchClosing.Length + transactions.Sum(t => t.Body.Length + 1));
        body.Write(s_batchOpening);
        for (var i = 0; i < transactions.Count; i++)
        {
            if (i > 0)
                body.WriteByte((byte)',');
            body.Write(transactions[i].Body.Span);
        }
        body.Write(s_batchClosing);
        const string path = "v1/transactions/batch";
        var answer = await RequestAsync(HttpMethod.Post, path, JsonContent(body.GetBuffer().AsMemory(0, (int)body.Length)), cancellation)
            .ConfigureAwait(false);
        if (answer["results"] is not JsonArray results || results.Count != transactions.Count)
            throw new BriApiException(HttpStatusCode.OK, BriApiException.MalformedResponse,
                $"the answer to {path} does not hold one result for each of the {transactions.Count} transactions");
        return [.. results.Select(ResultOf)];

        static SubmissionResult ResultOf(JsonNode? result)
        {
            if (result?["hash"] is JsonValue hash && hash.TryGetValue<string>(out var text) && Hash256.TryParse(text, out var parsed))
                return new SubmissionResult(parsed, null, null);
            if (result?["error"] is JsonObject error && error["code"] is JsonValue code && code.TryGetValue<string>(out var codeText))
                return new SubmissionResult(null, codeText, (string?)error["message"] ?? "");
            throw new BriApiException(HttpStatusCode.OK, BriApiException.MalformedResponse,
                $"the answer to {path} holds a result that is neither a hash nor an error: {result?.ToJsonString() ?? "null"}");
        }
    }
}
