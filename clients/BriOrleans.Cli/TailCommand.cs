using System.CommandLine;

namespace BriOrleans.Cli;

/// <summary><c>bri tail</c>: one line per executed epoch, as the node announces them, until Ctrl-C.</summary>
internal static class TailCommand
{
    internal static Command Create()
    {
        var node = NodeConnection.Option();
        var count = new Option<int?>("--count") { Description = "Stop after this many epochs (default: run until Ctrl-C)" };
        var command = new Command("tail", "Follow executed epochs: number, blocks, executed and failed transactions, state root") { node, count };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var limit = parsed.GetValue(count);
            if (limit is < 1)
                throw new FormatException("--count: at least 1");
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            var seen = 0;
            try
            {
                await foreach (var executed in client.EpochsAsync(cancellation))
                {
                    var epoch = executed.Epoch;
                    stdout.WriteLine($"epoch {epoch.Number}: {epoch.Blocks.Count} blocks ({epoch.SkippedBlocks.Count} skipped), " +
                        $"{epoch.ExecutedTransactions} executed, {epoch.FailedTransactions} failed, state root {epoch.StateRoot}");
                    stdout.Flush();
                    if (++seen == limit)
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl-C is how tail is meant to end.
                return ExitCode.Success;
            }
            return ExitCode.Success;
        }));
        return command;
    }
}
