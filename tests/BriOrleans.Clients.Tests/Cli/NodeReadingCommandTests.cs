using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Clients.Tests.Sdk;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriOrleans.Clients.Tests.Cli;

/// <summary><c>bri show</c>, <c>bri document check</c> and <c>bri tail</c> reading a server that answers as the node API documents.</summary>
public sealed class NodeReadingCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static IResult Json(string body, int status = 200) => Results.Text(body, "application/json", Encoding.UTF8, status);

    // What the node answers for a document never anchored, like every other read of an unknown object.
    private static IResult NotFound(string hash) =>
        Json($$$"""{"error":{"code":"not_found","message":"document {{{hash}}} is not known to this node"}}""", 404);

    [Fact]
    public async Task Show_asks_for_the_escaped_id_and_prints_the_answer_as_indented_JSON()
    {
        var asked = new List<string>();
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/shipments/{id}/events", (HttpRequest request) =>
        {
            asked.Add(request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget);
            return Json("""{"events":[{"eventId":"E1"}]}""");
        }));

        var run = await BriRun.Of("show", "shipment-events", "BKG/7 A", "--node", node.Url.ToString());

        Assert.Equal(0, run.Exit);
        Assert.Equal(["/v1/shipments/BKG%2F7%20A/events"], asked);
        Assert.Equal("E1", (string?)JsonNode.Parse(run.Stdout)!["events"]![0]!["eventId"]);
        Assert.Contains("\n  \"events\"", run.Stdout);
    }

    [Fact]
    public async Task Show_of_an_unknown_record_exits_1_with_the_code_and_message()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/contracts/{id}", (string id) =>
            Json(NodeAnswers.Error("not_found", $"contract {id} is not known to this node"), 404)));

        var run = await BriRun.Of("show", "contract", "C-9", "--node", node.Url.ToString());

        Assert.Equal(1, run.Exit);
        Assert.Equal("", run.Stdout);
        Assert.Equal("bri: not_found: contract C-9 is not known to this node\n", run.Stderr);
    }

    [Theory]
    [InlineData(new[] { "show", "invoice", "X" }, "bri: cannot show 'invoice': KIND is one of organization, account, shipment")]
    [InlineData(new[] { "show", "shipment" }, "bri: show shipment needs an ID")]
    [InlineData(new[] { "show", "status", "7" }, "bri: show status takes no ID")]
    public async Task Show_refuses_a_bad_kind_or_id_with_exit_2(string[] args, string problem)
    {
        var run = await BriRun.Of([.. args, "--node", ClosedPort.Url()]);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith(problem, run.Stderr);
    }

    [Fact]
    public async Task Check_tells_who_anchored_a_file_and_when()
    {
        var path = _directory.File("invoice.pdf");
        await File.WriteAllTextAsync(path, "invoice 42");
        var hash = Keccak.Hash(Encoding.UTF8.GetBytes("invoice 42"));
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/documents/{id}", (string id) => id == hash.ToString()
            ? Json($$$"""{"documentHash":"{{{hash}}}","documentTypeCode":"INV","issuer":"{{{NodeAnswers.NodeId}}}","anchoredAt":1700000000123}""")
            : NotFound(id)));

        var run = await BriRun.Of("document", "check", path, "--node", node.Url.ToString());

        Assert.True(run.Exit == 0, run.ToString());
        var answer = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(hash.ToString(), (string?)answer["hash"]);
        Assert.True((bool)answer["anchored"]!);
        Assert.Equal(NodeAnswers.NodeId.ToString(), (string?)answer["anchor"]!["issuer"]);
        Assert.Equal("2023-11-14T22:13:20.123Z", (string?)answer["anchoredAtUtc"]);
    }

    [Fact]
    public async Task Check_of_a_file_nobody_anchored_says_so_and_exits_1()
    {
        var path = _directory.File("draft.pdf");
        await File.WriteAllTextAsync(path, "draft");
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/documents/{hash}", (string hash) => NotFound(hash)));

        var run = await BriRun.Of("document", "check", path, "--node", node.Url.ToString());

        Assert.Equal(1, run.Exit);
        var answer = JsonNode.Parse(run.Stdout)!;
        Assert.False((bool)answer["anchored"]!);
        Assert.Equal(Keccak.Hash(Encoding.UTF8.GetBytes("draft")).ToString(), (string?)answer["hash"]);
    }

    [Fact]
    public async Task Tail_prints_one_line_per_executed_epoch()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/events", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var number in new ulong[] { 7, 8, 9 })
                await context.Response.WriteAsync($"event: epoch\ndata: {NodeAnswers.Epoch(number, NodeAnswers.Receipt(NodeAnswers.Hash(1), "executed")).ReplaceLineEndings(" ")}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));

        var run = await BriRun.Of("tail", "--node", node.Url.ToString(), "--count", "2");

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            [
                $"epoch 7: 2 blocks (0 skipped), 1 executed, 0 failed, state root {NodeAnswers.Hash(5)}",
                $"epoch 8: 2 blocks (0 skipped), 1 executed, 0 failed, state root {NodeAnswers.Hash(5)}",
            ],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Tail_of_an_unreachable_node_exits_3()
    {
        var run = await BriRun.Of("tail", "--node", ClosedPort.Url());

        Assert.Equal(3, run.Exit);
        Assert.Contains("cannot reach the node", run.Stderr);
    }
}
