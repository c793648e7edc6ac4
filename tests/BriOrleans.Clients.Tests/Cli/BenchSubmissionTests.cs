using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Cli.Bench;
using BriOrleans.Clients.Tests.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriOrleans.Clients.Tests.Cli;

/// <summary>
/// <c>bri bench</c>'s submission workers against a node that answers with backpressure: they retry while the node
/// admits, and give up, reporting the node's last answer, when it admits nothing for the give-up time.
/// </summary>
public class BenchSubmissionTests
{
    private const ulong ChainId = 4242;
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan s_runLimit = TimeSpan.FromSeconds(20);

    private static PresignedTransaction[][] Queue(int transactions) =>
        SignedWorkload.Sign([TestKeys.First], [0], transactions, ChainId);

    private static IResult Json(int status, string body) => Results.Text(body, "application/json", Encoding.UTF8, status);

    private static string PoolFull() => NodeAnswers.Error("pool_full", "the pool is full");

    [Fact]
    public async Task A_batch_the_node_never_admits_is_refused_with_its_last_answer_after_the_give_up_time()
    {
        var queues = Queue(5);
        var requests = 0;
        await using var node = await ScriptedNode.StartAsync(api => api.MapPost("/v1/transactions/batch", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref requests);
            var body = await JsonNode.ParseAsync(request.Body);
            var results = new JsonArray([.. body!["transactions"]!.AsArray().Select(_ => JsonNode.Parse(PoolFull()))]);
            return Json(200, new JsonObject { ["results"] = results }.ToJsonString());
        }));
        var run = new SubmissionRun(node.Client(), queues, batch: 2, s_giveUpAfter);

        await run.RunAsync(CancellationToken.None).WaitAsync(s_runLimit);

        Assert.All(run.Results[0], r => Assert.Equal("pool_full: the pool is full (still refused after 0.3 s of retries)", r.Refusal));
        Assert.Equal(5, run.Submitted);
        Assert.True(run.Retries > 0, "the worker retried before giving up");
        // Three batches (2 + 2 + 1), each retried after 20, 40, 80, 160 ms… for the give-up time, and no more.
        Assert.InRange(requests, 6, 3 * 7);
    }

    [Fact]
    public async Task A_transaction_the_node_refuses_for_a_while_and_then_admits_counts_as_admitted()
    {
        var queues = Queue(1);
        var expected = queues[0][0].Hash;
        var requests = 0;
        await using var node = await ScriptedNode.StartAsync(api => api.MapPost("/v1/transactions", () =>
            Interlocked.Increment(ref requests) <= 3
                ? Json(503, NodeAnswers.Error("nonce_too_far_ahead", "nonce 0 is beyond the window"))
                : Json(202, $$"""{"hash":"{{expected}}"}""")));
        var run = new SubmissionRun(node.Client(), queues, batch: 1, s_runLimit);

        await run.RunAsync(CancellationToken.None).WaitAsync(s_runLimit);

        Assert.Null(run.Results[0][0].Refusal);
        Assert.Equal(3, run.Retries);
        Assert.Equal(4, requests);
    }

    // A node under backpressure is not asked again every 20 ms: the waits double up to the longest wait.
    [Fact]
    public async Task The_wait_between_tries_doubles_while_the_node_admits_nothing()
    {
        var queues = Queue(1);
        var requests = 0;
        await using var node = await ScriptedNode.StartAsync(api => api.MapPost("/v1/transactions", () =>
        {
            Interlocked.Increment(ref requests);
            return Json(503, PoolFull());
        }));
        var giveUpAfter = TimeSpan.FromSeconds(1.5);
        var run = new SubmissionRun(node.Client(), queues, batch: 1, giveUpAfter);

        await run.RunAsync(CancellationToken.None).WaitAsync(s_runLimit);

        // Waits of 20, 40, 80, 160, then 320 ms fill 1.5 s with about nine tries; every 20 ms would be about 75.
        Assert.Equal(TimeSpan.FromMilliseconds(320), SubmissionRun.MaxBackoff);
        Assert.InRange(requests, 6, 14);
        Assert.StartsWith("pool_full", run.Results[0][0].Refusal);
    }

    [Fact]
    public async Task A_lone_transaction_the_node_never_admits_is_refused_after_the_give_up_time()
    {
        var queues = Queue(1);
        await using var node = await ScriptedNode.StartAsync(api => api.MapPost("/v1/transactions", () => Json(503, PoolFull())));
        var run = new SubmissionRun(node.Client(), queues, batch: 1, s_giveUpAfter);

        await run.RunAsync(CancellationToken.None).WaitAsync(s_runLimit);

        Assert.Equal("pool_full: the pool is full (still refused after 0.3 s of retries)", run.Results[0][0].Refusal);
    }
}
