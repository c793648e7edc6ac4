using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using BriOrleans.GrainInterfaces.Tests.CrossClient;

namespace BriOrleans.Clients.Tests.Node;

/// <summary>
/// A real node for a test class: <c>brinode node init</c> in a fresh directory, then <c>brinode node run</c> on a free
/// loopback port, stopped and deleted afterwards. It fails, never skips, when the node is not built or does not start.
/// </summary>
public sealed class LocalNode : IAsyncLifetime
{
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("bri-node-test-");
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string Url { get; private set; } = "";

    public string DataDirectory => Path.Combine(_directory.FullName, "net");

    /// <summary>The key file of the genesis registrar bench and the tests send with (the first in ordinal order).</summary>
    public string RegistrarKeyFile => Directory.GetFiles(Path.Combine(DataDirectory, "keys"), "*-registrar.json").Order(StringComparer.Ordinal).First();

    /// <summary>A fresh file path in the node's scratch directory.</summary>
    public string File(string name) => Path.Combine(_directory.FullName, name);

    /// <summary>What the node wrote so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    private static string NodeDll()
    {
        var dll = Path.Combine(RepositoryRoot.Find(), "silos", "BriOrleans.Node", "bin", "Release", "net10.0", "brinode.dll");
        return System.IO.File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build silos/BriOrleans.Node in Release (./test.sh does)");
    }

    public async Task InitializeAsync()
    {
        var dll = NodeDll();
        using (var init = Start(dll, "node", "init", "--data", DataDirectory))
        {
            await init.WaitForExitAsync().WaitAsync(s_startLimit);
            if (init.ExitCode != 0)
                throw new InvalidOperationException($"brinode node init exited {init.ExitCode}:\n{Log}");
        }
        Url = $"http://127.0.0.1:{ClosedPort.Free()}";
        _process = Start(dll, "node", "run", "--data", DataDirectory, "--api", Url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (!await AnswersAsync(http))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"brinode node run exited {_process.ExitCode} before answering:\n{Log}");
            if (clock.Elapsed > s_startLimit)
                throw new InvalidOperationException($"the node did not answer /healthz on {Url} within {s_startLimit.TotalSeconds} s:\n{Log}");
            await Task.Delay(200);
        }
    }

    private async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            using var answer = await http.GetAsync($"{Url}/healthz");
            return answer.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private Process Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory.FullName,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run dotnet {dll}: {e.Message}", e);
        }
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _directory.Delete(recursive: true);
    }
}
