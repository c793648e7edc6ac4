using BriOrleans.Cli;

namespace BriOrleans.Clients.Tests;

/// <summary>One in-process run of the bri command line: its exit code and what it wrote.</summary>
internal sealed record BriRun(int Exit, string Stdout, string Stderr)
{
    public static async Task<BriRun> Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await BriCli.RunAsync(args, stdout, stderr);
        return new BriRun(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The last non-empty line of standard output.</summary>
    public string LastLine => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    public override string ToString() => $"exit {Exit}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
