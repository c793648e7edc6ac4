using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace BriOrleans.GrainInterfaces.Tests.CrossClient;

/// <summary>Runs a batch of sign/verify cases through ethers 6 (js/ethers-typed-data.js) in one Node process.</summary>
internal static class Ethers
{
    private static readonly TimeSpan s_batchLimit = TimeSpan.FromMinutes(3);

    /// <summary>One result object per case, in order: signature/signer/digest, or error.</summary>
    public static IReadOnlyList<JsonObject> Run(IEnumerable<JsonObject> cases) =>
        Run(cases, Path.Combine(RepositoryRoot.Find(), "tests", "BriOrleans.GrainInterfaces.Tests", "js"));

    /// <summary>Runs the script in <paramref name="directory"/>; fails, never skips, when ethers is not installed there.</summary>
    public static IReadOnlyList<JsonObject> Run(IEnumerable<JsonObject> cases, string directory)
    {
        if (!File.Exists(Path.Combine(directory, "node_modules", "ethers", "package.json")))
            Assert.Fail($"ethers is not installed in {directory}: run ./scripts/setup.sh (it runs npm ci there)");
        var start = new ProcessStartInfo("node", [Path.Combine(directory, "ethers-typed-data.js")])
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js is not on PATH ({e.Message}): install Node 20 and run ./scripts/setup.sh");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(new JsonObject { ["cases"] = new JsonArray([.. cases]) }.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(s_batchLimit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node ran past {s_batchLimit.TotalMinutes} minutes on one batch");
            }
            Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {stderr.Result}");
            return [.. JsonNode.Parse(stdout.Result)!["results"]!.AsArray().Select(r => r!.AsObject())];
        }
    }
}
