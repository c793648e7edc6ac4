using System.Net;
using System.Text;
using BriOrleans.Crypto;
using BriOrleans.Sdk;
using BriOrleans.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriOrleans.Clients.Tests.Sdk;

/// <summary>How the SDK turns what a node answers, or its silence, into results and exceptions.</summary>
public class BriClientErrorTests
{
    private static IResult Text(int status, string body, string contentType = "application/json") =>
        Results.Text(body, contentType, Encoding.UTF8, status);

    [Fact]
    public async Task A_refusal_in_the_API_error_shape_carries_the_status_the_code_and_the_message()
    {
        await using var node = await ScriptedNode.StartAsync(api =>
            api.MapPost("/v1/transactions", () => Text(409, NodeAnswers.Error("nonce_taken", "another transaction with nonce 3 is pending"))));
        TransactionCatalog.TryGet("reinstate-organization", out var kind);
        var typedData = kind.Prepare(new() { ["address"] = NodeAnswers.NodeId.ToString() }, NodeAnswers.NodeId, 3, 1);

        var error = await Assert.ThrowsAsync<BriApiException>(() =>
            node.Client().SubmitAsync(typedData, TestKeys.First.Sign(NodeAnswers.Hash(1))));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("nonce_taken", error.Code);
        Assert.Equal("another transaction with nonce 3 is pending", error.Message);
    }

    [Fact]
    public async Task An_unknown_record_is_a_not_found_refusal()
    {
        await using var node = await ScriptedNode.StartAsync(api =>
            api.MapGet("/v1/shipments/{id}", (string id) => Text(404, NodeAnswers.Error("not_found", $"shipment {id} is not known to this node"))));

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().GetAsync("v1/shipments/BKG-7"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("not_found", error.Code);
        Assert.Equal("shipment BKG-7 is not known to this node", error.Message);
    }

    [Theory]
    [InlineData(502, "upstream node is restarting", "http_502", "upstream node is restarting")]
    [InlineData(500, "{\"detail\":\"boom\"}", "http_500", "{\"detail\":\"boom\"}")]
    [InlineData(404, "", "http_404", "the node answered 404 NotFound without an error body")]
    public async Task A_refusal_without_the_error_shape_is_named_after_its_HTTP_status(int status, string body, string code, string message)
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/status", () => Text(status, body, "text/plain")));

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().GetStatusAsync());

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_success_answer_that_is_not_JSON_is_a_malformed_response()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/status", () => Text(200, "<html>proxy login</html>", "text/html")));

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().GetStatusAsync());

        Assert.Equal(BriApiException.MalformedResponse, error.Code);
        Assert.Contains("the answer to v1/status is not JSON", error.Message);
    }

    [Fact]
    public async Task A_success_answer_of_the_wrong_shape_is_a_malformed_response_naming_what_was_expected()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/status", () => Text(200, "{\"chainId\":\"seven\"}")));

        var error = await Assert.ThrowsAsync<BriApiException>(() => node.Client().GetStatusAsync());

        Assert.Equal(BriApiException.MalformedResponse, error.Code);
        Assert.Contains("the answer to v1/status is not a NodeStatus", error.Message);
    }

    [Fact]
    public async Task Nothing_listening_is_an_unreachable_node_naming_its_URL()
    {
        var url = new Uri(ClosedPort.Url());
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => new BriClient(http, url).GetStatusAsync());

        Assert.Equal(new Uri(url, "/"), error.Node);
        Assert.StartsWith($"cannot reach the node at {url}", error.Message);
    }

    [Fact]
    public async Task A_node_that_does_not_answer_in_time_is_unreachable()
    {
        await using var node = await ScriptedNode.StartAsync(api =>
            api.MapGet("/v1/status", async (CancellationToken cancellation) =>
            {
                await Task.Delay(Timeout.Infinite, cancellation);
                return Text(200, "{}");
            }));
        var client = new BriClient(new HttpClient(), node.Url) { RequestTimeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<NodeUnreachableException>(() => client.GetStatusAsync());

        Assert.Contains("no answer to v1/status in time", error.Message);
    }

    [Fact]
    public void A_base_URL_that_is_not_http_is_refused()
    {
        using var http = new HttpClient();
        var error = Assert.Throws<ArgumentException>(() => new BriClient(http, new Uri("ftp://127.0.0.1/")));
        Assert.Contains("is not an http(s) URL", error.Message);
    }

    [Fact]
    public async Task Reads_return_the_node_JSON_and_a_base_URL_with_a_path_keeps_it()
    {
        await using var node = await ScriptedNode.StartAsync(api =>
            api.MapGet("/bri/v1/organizations/{address}", (string address) => Text(200, $$"""{"address":"{{address}}","name":"Silk Road Carrier"}""")));
        using var http = new HttpClient();
        var client = new BriClient(http, new Uri(node.Url, "/bri"));

        var organization = await client.GetAsync($"/v1/organizations/{NodeAnswers.NodeId}");

        Assert.Equal("Silk Road Carrier", (string?)organization["name"]);
        Assert.Equal(NodeAnswers.NodeId.ToString(), (string?)organization["address"]);
    }
}
