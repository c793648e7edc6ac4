using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Sdk;
using BriOrleans.Sdk.Api;
using BriOrleans.Transactions;
using BriOrleans.TypedData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriOrleans.Clients.Tests.Sdk;

/// <summary><see cref="BriClient.SubmitBatchAsync"/>: what it sends, and how it reads what a node answers.</summary>
public class BriClientBatchTests
{
    private const string BatchPath = "/v1/transactions/batch";

    private static readonly TransactionKind s_anchor =
        TransactionCatalog.TryGet("anchor-document", out var kind) ? kind : throw new InvalidOperationException("anchor-document is no transaction kind");

    /// <summary>A signed anchoring of document <paramref name="document"/> by the first test key, with that nonce.</summary>
    private static SignedSubmission Anchoring(byte document)
    {
        var fields = new JsonObject { ["documentTypeCode"] = "INV", ["documentHash"] = NodeAnswers.Hash(document).ToString() };
        var typedData = s_anchor.Prepare(fields, TestKeys.First.Address, document, 4242);
        return SignedSubmission.Of(typedData, TestKeys.First.Sign(Eip712.Digest(typedData)));
    }

    private static IResult Json(int status, string body) => Results.Text(body, "application/json", Encoding.UTF8, status);

    /// <summary>A node whose batch endpoint answers <paramref name="body"/> and counts the requests it gets.</summary>
    private static Task<ScriptedNode> NodeAnswering(int status, string body, StrongBox<int> requests) =>
        ScriptedNode.StartAsync(api => api.MapPost(BatchPath, () =>
        {
            Interlocked.Increment(ref requests.Value);
            return Json(status, body);
        }));

    [Theory]
    [InlineData(0)]
    [InlineData(BriClient.MaxBatchTransactions + 1)]
    public async Task A_batch_of_no_transactions_or_more_than_the_node_takes_is_refused_without_a_request(int count)
    {
        var requests = new StrongBox<int>();
        await using var node = await NodeAnswering(200, """{"results":[]}""", requests);
        var transactions = Enumerable.Repeat(Anchoring(1), count).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => node.Client().SubmitBatchAsync(transactions));

        Assert.Equal("transactions", error.ParamName);
        Assert.Contains($"1 to {BriClient.MaxBatchTransactions}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, requests.Value);
    }

    [Fact]
    public async Task The_request_body_lists_the_transactions_in_order_and_the_results_map_one_to_one()
    {
        SignedSubmission[] transactions = [Anchoring(1), Anchoring(2), Anchoring(3)];
        string? received = null;
        await using var node = await ScriptedNode.StartAsync(api => api.MapPost(BatchPath, async (HttpRequest request) =>
        {
            received = await new StreamReader(request.Body).ReadToEndAsync();
            return Json(200, $$$"""
                {"results":[{"hash":"{{{transactions[0].Hash}}}"},{"error":{"code":"nonce_taken","message":"nonce 2 is pending"}},{"hash":"{{{transactions[2].Hash}}}"}]}
                """);
        }));

        var results = await node.Client().SubmitBatchAsync(transactions);

        var bodies = transactions.Select(t => Encoding.UTF8.GetString(t.Body.Span));
        Assert.Equal($"{{\"transactions\":[{string.Join(',', bodies)}]}}", received);
        Assert.Equal(
            [new SubmissionResult(transactions[0].Hash, null, null), new SubmissionResult(null, "nonce_taken", "nonce 2 is pending"), new SubmissionResult(transactions[2].Hash, null, null)],
            results);
        Assert.Equal([true, false, true], results.Select(r => r.Accepted));
    }

    [Fact]
    public async Task A_refusal_of_the_whole_batch_is_an_API_exception_with_its_status_and_code()
    {
        var requests = new StrongBox<int>();
        await using var node = await NodeAnswering(413, NodeAnswers.Error("batch_too_large", "1001 transactions; a batch carries at most 1000"), requests);

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().SubmitBatchAsync([Anchoring(1)]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal("batch_too_large", error.Code);
        Assert.Equal("1001 transactions; a batch carries at most 1000", error.Message);
    }

    [Fact]
    public async Task An_answer_with_fewer_results_than_transactions_is_a_malformed_response()
    {
        var requests = new StrongBox<int>();
        await using var node = await NodeAnswering(200, $$"""{"results":[{"hash":"{{Anchoring(1).Hash}}"}]}""", requests);

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().SubmitBatchAsync([Anchoring(1), Anchoring(2)]));

        Assert.Equal(BriApiException.MalformedResponse, error.Code);
        Assert.Contains("one result for each of the 2 transactions", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"results":[{"status":"accepted"}]}""")]
    [InlineData("""{"results":[{"hash":"0x1234"}]}""")]
    [InlineData("""{"results":[{"error":{"message":"no code"}}]}""")]
    [InlineData("""{"results":[null]}""")]
    public async Task A_result_that_is_neither_a_hash_nor_an_error_is_a_malformed_response(string answer)
    {
        var requests = new StrongBox<int>();
        await using var node = await NodeAnswering(200, answer, requests);

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().SubmitBatchAsync([Anchoring(1)]));

        Assert.Equal(BriApiException.MalformedResponse, error.Code);
        Assert.Contains("neither a hash nor an error", error.Message, StringComparison.Ordinal);
    }
}
