using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// <c>POST /v1/transactions/batch</c> refuses a body that is not a list of 1 to 1000 transactions within 8 MiB as a
/// whole, with the usual error shape, and stores none of its transactions; a batch at either limit is taken.
/// Each case carries a valid, signed invoice of Kashgar Exports that would be admitted in a good batch.
/// </summary>
[Collection(RefusalNodeCollection.Name)]
public sealed class BatchRefusalTests(RefusalNode node)
{
    private const ulong ChainId = TestNetwork.ChainId;

    private async Task<SignedTransaction> InvoiceAsync(string label)
    {
        var nonce = await node.NextNonceAsync(node.Exporter.Address);
        return SignedTransaction.Sign(TradeTransactions.Invoice(node.Exporter.Address, nonce, $"batch refusal test: {label}"), node.Exporter, ChainId);
    }

    private static JsonObject Body(SignedTransaction tx) => NodeApi.BodyOf(tx, ChainId);

    /// <summary><paramref name="count"/> items: the body of <paramref name="tx"/>, then numbers, which a batch refuses item by item.</summary>
    private static JsonNode[] Items(SignedTransaction tx, int count) => [Body(tx), .. Enumerable.Range(1, count - 1).Select(i => JsonValue.Create(i))];

    /// <summary>
    /// <paramref name="batch"/> as JSON of exactly <paramref name="length"/> bytes: spaces before its closing brace,
    /// which leave it the same batch.
    /// </summary>
    private static string Padded(JsonObject batch, int length)
    {
        var json = batch.ToJsonString();
        return json[..^1] + new string(' ', length - Encoding.UTF8.GetByteCount(json)) + "}";
    }

    private Task<NodeAnswer> AssertRefusedAsync(string body, HttpStatusCode status, string code, SignedTransaction tx) =>
        node.AssertRefusedAsync(body, status, code, tx.Hash, NodeApi.BatchPath);

    [Fact]
    public async Task Malformed_json_is_refused_as_invalid_json()
    {
        var tx = await InvoiceAsync("malformed");
        var json = NodeApi.BatchOf(Body(tx)).ToJsonString();

        await AssertRefusedAsync(json[..^2], HttpStatusCode.BadRequest, "invalid_json", tx);
    }

    [Theory]
    [InlineData("{\"transactions\":[TX],\"transactions\":[]}", "transactions")]
    [InlineData("{\"transactions\":[{\"typedData\":{},\"typedData\":TYPED_DATA,\"signature\":SIGNATURE}]}", "typedData")]
    public async Task A_member_given_twice_is_refused_as_invalid_json_naming_it(string shape, string member)
    {
        var tx = await InvoiceAsync("member twice " + member);
        var body = Body(tx);

        var answer = await AssertRefusedAsync(shape
                .Replace("TX", body.ToJsonString(), StringComparison.Ordinal)
                .Replace("TYPED_DATA", body["typedData"]!.ToJsonString(), StringComparison.Ordinal)
                .Replace("SIGNATURE", body["signature"]!.ToJsonString(), StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "invalid_json", tx);

        Assert.Contains($"'{member}'", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_list_of_transactions_is_refused_as_invalid_json()
    {
        var tx = await InvoiceAsync("bare list");

        var answer = await AssertRefusedAsync(new JsonArray(Body(tx)).ToJsonString(), HttpStatusCode.BadRequest, "invalid_json", tx);

        Assert.Contains("object", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"transactions\":[TX],\"note\":\"urgent\"}")]
    [InlineData("{\"txs\":[TX]}")]
    [InlineData("{\"transactions\":TX}")]
    [InlineData("TX")]
    public async Task A_body_other_than_exactly_a_transactions_list_is_refused_as_invalid_request(string shape)
    {
        var tx = await InvoiceAsync("shape " + shape);

        var answer = await AssertRefusedAsync(shape.Replace("TX", Body(tx).ToJsonString(), StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "invalid_request", tx);

        Assert.Contains("\"transactions\"", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_list_is_refused_as_invalid_request()
    {
        var answer = await node.AssertRefusedAsync("{\"transactions\":[]}", HttpStatusCode.BadRequest, "invalid_request", path: NodeApi.BatchPath);

        Assert.Contains("empty", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_transactions_than_a_batch_may_carry_are_refused_as_batch_too_large()
    {
        var tx = await InvoiceAsync("one too many");
        var count = SubmissionLimits.MaxBatchTransactions + 1;

        var answer = await AssertRefusedAsync(NodeApi.BatchOf(Items(tx, count)).ToJsonString(), HttpStatusCode.RequestEntityTooLarge, "batch_too_large", tx);

        Assert.Contains(count.ToString(CultureInfo.InvariantCulture), answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(SubmissionLimits.MaxBatchTransactions.ToString(CultureInfo.InvariantCulture), answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_as_body_too_large()
    {
        var tx = await InvoiceAsync("one byte too many");
        var body = Padded(NodeApi.BatchOf(Body(tx)), SubmissionLimits.MaxBatchBodyBytes + 1);

        var answer = await AssertRefusedAsync(body, HttpStatusCode.RequestEntityTooLarge, "body_too_large", tx);

        Assert.Contains(SubmissionLimits.MaxBatchBodyBytes.ToString(CultureInfo.InvariantCulture), answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_exactly_the_size_limit_is_taken()
    {
        var tx = await InvoiceAsync("at the size limit");

        var answer = await node.Api.PostAsync(NodeApi.BatchPath, Padded(NodeApi.BatchOf(Body(tx)), SubmissionLimits.MaxBatchBodyBytes));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(tx.Hash.ToString(), (string?)Assert.Single(answer.Body!["results"]!.AsArray())!["hash"]);
        Assert.Equal("executed", (string?)(await node.Api.WaitForReceiptAsync(tx.Hash))["status"]);
        await node.WaitUntilNothingIsPendingAsync();
    }

    [Fact]
    public async Task As_many_transactions_as_a_batch_may_carry_are_taken()
    {
        var tx = await InvoiceAsync("as many as allowed");

        var answer = await node.Api.PostAsync(NodeApi.BatchPath, NodeApi.BatchOf(Items(tx, SubmissionLimits.MaxBatchTransactions)).ToJsonString());

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var results = answer.Body!["results"]!.AsArray();
        Assert.Equal(SubmissionLimits.MaxBatchTransactions, results.Count);
        Assert.Equal(tx.Hash.ToString(), (string?)results[0]!["hash"]);
        Assert.All(results.Skip(1), r => Assert.Equal("invalid_request", (string?)r!["error"]?["code"]));
        Assert.Equal("executed", (string?)(await node.Api.WaitForReceiptAsync(tx.Hash))["status"]);
        await node.WaitUntilNothingIsPendingAsync();
    }
}
