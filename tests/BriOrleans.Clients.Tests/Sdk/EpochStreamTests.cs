using BriOrleans.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriOrleans.Clients.Tests.Sdk;

/// <summary>Reading <c>GET /v1/events</c>: epoch events become executed epochs, other events are skipped.</summary>
public class EpochStreamTests
{
    /// <summary>Writes <paramref name="events"/> as server-sent events, then keeps the stream open or ends it.</summary>
    private static RequestDelegate Stream(bool keepOpen, params (string Type, string Data)[] events) => async context =>
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var (type, data) in events)
            await context.Response.WriteAsync($"event: {type}\ndata: {data.ReplaceLineEndings(" ")}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (keepOpen)
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
    };

    [Fact]
    public async Task Epoch_events_arrive_in_order_with_their_receipts_and_other_events_are_skipped()
    {
        var receipt = NodeAnswers.Receipt(NodeAnswers.Hash(7), "executed");
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/events", Stream(keepOpen: true,
            ("epoch", NodeAnswers.Epoch(1, receipt)), ("heartbeat", "{}"), ("epoch", NodeAnswers.Epoch(2)))));
        using var stop = new CancellationTokenSource();

        var epochs = new List<BriOrleans.Sdk.Api.ExecutedEpoch>();
        await foreach (var epoch in node.Client().EpochsAsync(stop.Token))
        {
            epochs.Add(epoch);
            if (epochs.Count == 2)
                break;
        }

        Assert.Equal([1UL, 2UL], epochs.Select(e => e.Epoch.Number));
        Assert.Equal(NodeAnswers.Hash(7), Assert.Single(epochs[0].Receipts).TransactionHash);
        Assert.Equal(2, epochs[0].Epoch.Blocks.Count);
        Assert.Equal(NodeAnswers.Hash(5), epochs[0].Epoch.StateRoot);
        Assert.Empty(epochs[1].Receipts);
    }

    [Fact]
    public async Task A_stream_the_node_closes_is_an_unreachable_node()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/events", Stream(keepOpen: false, ("epoch", NodeAnswers.Epoch(1)))));

        var seen = 0;
        var error = await Assert.ThrowsAsync<NodeUnreachableException>(async () =>
        {
            await foreach (var _ in node.Client().EpochsAsync())
                seen++;
        });

        Assert.Equal(1, seen);
        Assert.Contains("the node closed the event stream", error.Message);
    }

    [Fact]
    public async Task Cancelling_ends_a_quiet_stream()
    {
        await using var node = await ScriptedNode.StartAsync(api => api.MapGet("/v1/events", Stream(keepOpen: true)));
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in node.Client().EpochsAsync(stop.Token))
                Assert.Fail("a quiet stream yields nothing");
        });
    }
}
