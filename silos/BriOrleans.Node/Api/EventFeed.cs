using System.Net.ServerSentEvents;
using BriOrleans.NodeCore.Execution;

namespace BriOrleans.Node.Api;

/// <summary>
/// <c>GET /v1/events</c>: a server-sent-events feed with one <c>epoch</c> event per executed epoch, carrying the
/// epoch record and its receipts.
/// </summary>
public static class EventFeed
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/v1/events", (NodeEvents events, CancellationToken cancellation) =>
        TypedResults.ServerSentEvents(Stream(events, cancellation)));

    private static async IAsyncEnumerable<SseItem<string>> Stream(NodeEvents events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var execution in events.SubscribeAsync(cancellation))
            yield return new SseItem<string>(System.Text.Json.JsonSerializer.Serialize(
                new { epoch = execution.Record, receipts = execution.Receipts }, ApiJson.Options), "epoch");
    }
}
