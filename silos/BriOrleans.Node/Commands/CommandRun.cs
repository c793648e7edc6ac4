using System.CommandLine;

namespace BriOrleans.Node.Commands;

/// <summary>Runs a command's work; bad input (files, formats) becomes a message on stderr and exit code 2.</summary>
internal static class CommandRun
{
    public const int BadInput = 2;

    public static int Guarded(ParseResult parsed, Action<TextWriter> work)
    {
        try
        {
            work(parsed.InvocationConfiguration.Output);
            return 0;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            parsed.InvocationConfiguration.Error.WriteLine($"bri node: {e.Message}");
            return BadInput;
        }
    }
}
