using System.CommandLine;
using BriOrleans.Node.Hosting;

namespace BriOrleans.Node.Commands;

/// <summary>`bri node run --data DIR --api http://127.0.0.1:PORT [--country CC] [--storage sqlite|postgres://…]`.</summary>
public static class NodeRunCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "the network's data directory (from `bri node init`)", Required = true };
        var api = new Option<string>("--api") { Description = "where the API listens", DefaultValueFactory = _ => "http://127.0.0.1:8545" };
        var country = new Option<string?>("--country") { Description = "the country whose validator this node is (default: the genesis' first)" };
        var storage = new Option<string>("--storage") { Description = "sqlite (a file under the data directory) or a postgres:// URL", DefaultValueFactory = _ => "sqlite" };
        var command = new Command("run", "Run a validator node with its API until stopped") { data, api, country, storage };
        command.SetAction(async (parsed, cancellation) =>
        {
            var options = new NodeOptions(parsed.GetValue(data)!, parsed.GetValue(api)!, parsed.GetValue(country), parsed.GetValue(storage)!);
            WebApplication app;
            try
            {
                app = await NodeHost.BuildAsync(options, cancellation);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                parsed.InvocationConfiguration.Error.WriteLine($"bri node: {e.Message}");
                return CommandRun.BadInput;
            }
            await using (app)
            {
                try
                {
                    await app.RunAsync();
                }
                catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
                {
                    parsed.InvocationConfiguration.Error.WriteLine($"bri node: cannot listen on {options.ApiUrl}: the address is in use (another node?)");
                    return CommandRun.BadInput;
                }
            }
            return Environment.ExitCode;
        });
        return command;
    }
}
