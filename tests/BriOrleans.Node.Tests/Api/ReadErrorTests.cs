using System.Net;
using BriOrleans.Node.Tests.Hosting;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// Reads of what the node does not know answer 404 not_found (a document that was never anchored too, which is how
/// <c>bri document check</c> tells it apart); malformed parameters answer 400 bad_parameter.
/// </summary>
[Collection(RefusalNodeCollection.Name)]
public sealed class ReadErrorTests(RefusalNode node)
{
    private static readonly string s_unknownHash = TradeTransactions.HashOf("nothing on this ledger").ToString();

    [Theory]
    [InlineData("transaction", "/v1/transactions/{hash}")]
    [InlineData("shipment", "/v1/shipments/NO-SUCH-SHIPMENT")]
    [InlineData("shipment", "/v1/shipments/NO-SUCH-SHIPMENT/events")]
    [InlineData("block", "/v1/blocks/{hash}")]
    [InlineData("executed epoch", "/v1/epochs/1000000")]
    [InlineData("document", "/v1/documents/{hash}")]
    public async Task Reading_what_the_node_does_not_know_answers_404_not_found(string what, string path)
    {
        var answer = await node.Api.GetAsync(path.Replace("{hash}", s_unknownHash, StringComparison.Ordinal));

        Assert.True(answer.Status == HttpStatusCode.NotFound && answer.ErrorCode == "not_found", answer.ToString());
        Assert.Contains(what, answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/transactions/0x1234")]
    [InlineData("/v1/transactions/not-a-hash")]
    [InlineData("/v1/blocks/0xZZ")]
    [InlineData("/v1/documents/1234")]
    [InlineData("/v1/epochs/-1")]
    [InlineData("/v1/epochs/first")]
    [InlineData("/v1/organizations/0x12")]
    [InlineData("/v1/accounts/alice")]
    public async Task A_malformed_parameter_answers_400_bad_parameter(string path)
    {
        var answer = await node.Api.GetAsync(path);

        Assert.True(answer.Status == HttpStatusCode.BadRequest && answer.ErrorCode == "bad_parameter", answer.ToString());
        Assert.False(string.IsNullOrWhiteSpace(answer.ErrorMessage));
    }
}
