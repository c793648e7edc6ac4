using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BriOrleans.GrainInterfaces.Tests.CrossClient;
using BriOrleans.Node.Tests.Hosting;

namespace BriOrleans.Node.Tests.Crash;

/// <summary>
/// The node executable as a child process (<c>dotnet brinode.dll node run</c>) on a free loopback port, which a
/// test can kill with SIGKILL at any moment. It keeps the last lines the node wrote, for failure messages.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int KeptLogLines = 200;

    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly Queue<string> _log = new();

    private NodeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        Api = new NodeApi(_http);
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Url { get; }

    public NodeApi Api { get; }

    /// <summary>The last lines the node wrote to standard output and error.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return string.Join('\n', _log);
        }
    }

    public static NodeProcess Start(string dataDirectory, string storage)
    {
        var dll = Path.Combine(RepositoryRoot.Find(), "silos", "BriOrleans.Node", "bin", "Release", "net10.0", "brinode.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build silos/BriOrleans.Node in Release (building this test project does)");
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[] { dll, "node", "run", "--data", dataDirectory, "--api", url.ToString().TrimEnd('/'), "--storage", storage })
            start.ArgumentList.Add(argument);
        try
        {
            return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), url);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run dotnet {dll}: {e.Message}", e);
        }
    }

    /// <summary>Polls <c>/healthz</c> until the node answers; false when the process ends first (it was killed).</summary>
    public async Task<bool> WaitUntilAnsweringAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            if (clock.Elapsed > limit)
                throw new InvalidOperationException($"the node did not answer on {Url} within {limit.TotalSeconds} s:\n{Log}");
            if (await AnswersAsync())
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        return false;
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var answer = await _http.GetAsync("/healthz");
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the node gets no chance to flush, close or finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _http.Dispose();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > KeptLogLines)
                _log.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
