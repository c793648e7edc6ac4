using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>
/// A reader of the node's server-sent-events feed (<c>GET /v1/events</c>): every <c>epoch</c> event it delivers,
/// parsed, in arrival order; any other event name is kept too, so a test can tell it apart.
/// </summary>
public sealed class EpochFeed : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string Name, JsonObject Data)> _events = Channel.CreateUnbounded<(string, JsonObject)>();
    private readonly Task _reading;

    private EpochFeed(HttpClient http) => _reading = ReadAsync(http, _stop.Token);

    /// <summary>Starts reading; the node may answer only with its first event, so this does not wait for the answer.</summary>
    public static EpochFeed Open(HttpClient http) => new(http);

    /// <summary>The next event, or null when none arrives within <paramref name="limit"/>.</summary>
    public async Task<(string Name, JsonObject Data)?> NextAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            return await _events.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return null;
        }
    }

    // Ends the channel: empty when the reader was stopped, with the failure (which NextAsync then throws) otherwise.
    private async Task ReadAsync(HttpClient http, CancellationToken cancellation)
    {
        try
        {
            await ParseAsync(http, cancellation);
            _events.Writer.TryComplete(new InvalidOperationException("the node closed the event feed"));
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            _events.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _events.Writer.TryComplete(e);
        }
    }

    private async Task ParseAsync(HttpClient http, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            throw new InvalidOperationException($"/v1/events answered {response.Content.Headers.ContentType}, not text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
        var name = "message";
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                    await _events.Writer.WriteAsync((name, JsonNode.Parse(string.Join('\n', data))!.AsObject()), cancellation);
                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
                name = line["event:".Length..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Add(line["data:".Length..].TrimStart());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
