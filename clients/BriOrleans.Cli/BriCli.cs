using System.CommandLine;
using BriOrleans.Cli.Bench;

namespace BriOrleans.Cli;

/// <summary>The <c>bri</c> command line, runnable in-process: composes the command groups and maps failures to exit codes.</summary>
public static class BriCli
{
    /// <summary>Runs the command line to completion on the calling thread.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr).GetAwaiter().GetResult();

    /// <summary>Runs the command line; <paramref name="cancellation"/> stops a command as Ctrl-C does.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = new RootCommand("bri: the BriOrleans client for organizations and operators");
        root.Subcommands.Add(KeysCommands.Create());
        root.Subcommands.Add(TypedDataCommands.CreateSign());
        root.Subcommands.Add(TypedDataCommands.CreateVerify());
        root.Subcommands.Add(TxCommands.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(DocumentCommands.Create());
        root.Subcommands.Add(TailCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(Demo.DemoCommand.Create());

        // No response files: '@file.json' is how --json names a file of fields.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"bri: {error.Message}");
            stderr.WriteLine("run 'bri --help' for usage");
            return Task.FromResult(ExitCode.BadInput);
        }
        return parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellation);
    }
}
