using System.CommandLine;
using System.Globalization;
using BriOrleans.Crypto;
using BriOrleans.Sdk;

namespace BriOrleans.Cli.Demo;

/// <summary>
/// `bri demo --node URL [--data DIR]`: tells the cross-border story on a running node with the registrar keys of a
/// local network (CN, KZ and PK must be members), then prints a summary. The story's organizations get new
/// development keys, saved under DIR/keys/demo/ so that a person can go on from there.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] Countries = ["CN", "KZ", "PK"];

    public static Command Create()
    {
        var node = NodeConnection.Option();
        var data = new Option<string>("--data") { Description = "the local network's data directory (its keys/ are used)", DefaultValueFactory = _ => "localnet" };
        var command = new Command("demo", "Tell the demo story (shipment, customs hold, contract, financed project) on a running node") { node, data };
        command.SetAction(CommandAction.OfAsync((parsed, _, _) => RunAsync(parsed, NodeConnection.Client(parsed.GetValue(node)!), parsed.GetValue(data)!)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parsed, BriClient client, string data)
    {
        var output = parsed.InvocationConfiguration.Output;
        var error = parsed.InvocationConfiguration.Error;
        var registrars = new Dictionary<string, PrivateKey>(StringComparer.Ordinal);
        foreach (var country in Countries)
        {
            var path = Path.Combine(data, "keys", $"{country.ToLowerInvariant()}-registrar.json");
            if (!File.Exists(path))
            {
                error.WriteLine($"bri demo: {path} not found: the demo needs a network with CN, KZ and PK (bri node init --data {data} --countries CN,KZ,PK)");
                return ExitCode.BadInput;
            }
            registrars[country] = KeyFile.Load(path).Key;
        }
        var cast = new DemoCast();
        var keys = Path.Combine(data, "keys", "demo");
        Directory.CreateDirectory(keys);
        foreach (var party in cast.All)
            new KeyFile(party.Key).Save(Path.Combine(keys, $"{party.Label}.json"), overwrite: true);

        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var run = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var narrator = new DemoNarrator(client, output);
        var story = new DemoStory(narrator, cast, registrars, run, now);
        var started = DateTimeOffset.UtcNow;
        try
        {
            await story.TellAsync();
        }
        catch (DemoFailedException e)
        {
            error.WriteLine($"bri demo: the story went off script: {e.Message}");
            return ExitCode.Refused;
        }
        await SummarizeAsync(client, story, output, narrator, DateTimeOffset.UtcNow - started, keys);
        return ExitCode.Success;
    }

    private static async Task SummarizeAsync(BriClient client, DemoStory story, TextWriter output, DemoNarrator narrator, TimeSpan took, string keys)
    {
        var status = await client.GetStatusAsync();
        var shipment = await client.GetAsync($"v1/shipments/{story.ShipmentId}");
        var contract = await client.GetAsync($"v1/contracts/{story.ContractId}");
        var project = await client.GetAsync($"v1/projects/{story.ProjectId}");
        output.WriteLine();
        output.WriteLine($"Summary ({narrator.Executed} transactions executed and {narrator.RefusedAsExpected} refused by the rules in {took.TotalSeconds:F1} s)");
        output.WriteLine($"  shipment {story.ShipmentId}: {shipment["status"]}, {shipment["documents"]?.AsArray().Count} documents anchored");
        output.WriteLine($"  contract {story.ContractId}: {contract["status"]}");
        foreach (var line in project["summary"]?.AsArray() ?? [])
            output.WriteLine($"  project {story.ProjectId}: lender {line!["lender"]} {line["currency"]}: committed {line["committed"]}, disbursed {line["disbursed"]}, repaid {line["repaid"]}");
        output.WriteLine($"  ledger: best epoch {status.BestEpoch}, {status.BlockCount} blocks, state root {status.StateRoot}");
        output.WriteLine($"  the story's organization keys are in {keys}/");
    }
}
