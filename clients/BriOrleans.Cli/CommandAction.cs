using System.CommandLine;
using BriOrleans.Sdk;

namespace BriOrleans.Cli;

/// <summary>
/// Runs a command's work and maps its failures to a message on stderr and an exit code: bad input 2, a refusal by
/// the node 1 (<c>bri: code: message</c>), an unreachable node 3. Anything else is a bug and propagates.
/// </summary>
internal static class CommandAction
{
    internal static Func<ParseResult, int> Of(Action<ParseResult, TextWriter> work) => parsed =>
    {
        try
        {
            work(parsed, parsed.InvocationConfiguration.Output);
            return ExitCode.Success;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return Report(parsed, e.Message, ExitCode.BadInput);
        }
    };

    internal static Func<ParseResult, CancellationToken, Task<int>> OfAsync(Func<ParseResult, TextWriter, CancellationToken, Task<int>> work) =>
        async (parsed, cancellation) =>
        {
            try
            {
                return await work(parsed, parsed.InvocationConfiguration.Output, cancellation);
            }
            catch (Exception e) when (IsBadInput(e))
            {
                return Report(parsed, e.Message, ExitCode.BadInput);
            }
            catch (BriApiException e)
            {
                return Report(parsed, $"{e.Code}: {e.Message}", ExitCode.Refused);
            }
            catch (TimeoutException e)
            {
                return Report(parsed, $"timeout: {e.Message}", ExitCode.Refused);
            }
            catch (NodeUnreachableException e)
            {
                return Report(parsed, e.Message, ExitCode.Unreachable);
            }
        };

    /// <summary>Writes <c>bri: message</c> on stderr and returns <paramref name="exitCode"/>.</summary>
    internal static int Report(ParseResult parsed, string message, int exitCode)
    {
        parsed.InvocationConfiguration.Error.WriteLine($"bri: {message}");
        return exitCode;
    }

    private static bool IsBadInput(Exception e) => e is FormatException or IOException or UnauthorizedAccessException;
}
