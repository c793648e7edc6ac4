using BriOrleans.Node.Hosting;
using Microsoft.AspNetCore.Builder;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>
/// The real node (<see cref="NodeHost"/>: Kestrel, grains, storage, block production) running inside the test
/// process on a loopback port the system picks. Stopping it is the graceful stop of <c>bri node run</c>.
/// </summary>
public sealed class InProcessNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private bool _stopped;

    private InProcessNode(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        Api = new NodeApi(_http);
    }

    public Uri Url { get; }

    public NodeApi Api { get; }

    public static async Task<InProcessNode> StartAsync(string dataDirectory, string storage)
    {
        var app = await NodeHost.BuildAsync(new NodeOptions(dataDirectory, "http://127.0.0.1:0", null, storage));
        await app.StartAsync();
        // Kestrel replaces the requested port 0 with the one it bound.
        return new InProcessNode(app, new Uri(app.Urls.Single()));
    }

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
