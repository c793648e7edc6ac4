using System.CommandLine;

namespace BriOrleans.Cli;

/// <summary>Runs a command's work and turns bad input into a message on stderr and exit code 2; anything else is a bug and propagates.</summary>
internal static class CommandAction
{
    internal static Func<ParseResult, int> Of(Action<ParseResult, TextWriter> work) => parsed =>
    {
        var stderr = parsed.InvocationConfiguration.Error;
        try
        {
            work(parsed, parsed.InvocationConfiguration.Output);
            return ExitCode.Success;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"bri: {e.Message}");
            return ExitCode.BadInput;
        }
    };
}
