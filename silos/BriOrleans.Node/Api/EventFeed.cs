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

    // UTF-8 bytes, which the result writes as they are: a string would be transcoded from UTF-8 and back per event.
    private static async IAsyncEnumerable<SseItem<byte[]>> Stream(NodeEvents events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        await foreach (var execution in events.SubscribeAsync(cancellation))
            yield return new SseItem<byte[]>(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                new { epoch = execution.Record, receipts = execution.Receipts }, ApiJson.Options), "epoch");
    }
}
