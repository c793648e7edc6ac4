using System.CommandLine;
using BriOrleans.NodeCore.Network;

namespace BriOrleans.Node.Commands;

/// <summary>`bri node init --data DIR [--countries CN,KZ,PK] [--chain-id N]`: writes a development network.</summary>
public static class NodeInitCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "the data directory to create the network in", Required = true };
        var countries = new Option<string>("--countries") { Description = "member countries, ISO 3166-1 alpha-2, comma separated", DefaultValueFactory = _ => "CN,KZ,PK" };
        var chainId = new Option<ulong>("--chain-id") { Description = "the network's chain id (EIP-712 domain)", DefaultValueFactory = _ => LocalNetwork.DefaultChainId };
        var command = new Command("init", "Write a genesis file and development keys (one registrar and one validator per country)")
        {
            data, countries, chainId,
        };
        command.SetAction(parsed => CommandRun.Guarded(parsed, output =>
        {
            var directory = parsed.GetValue(data)!;
            var network = LocalNetwork.Create(directory, parsed.GetValue(countries)!.Split(','), parsed.GetValue(chainId),
                (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            output.WriteLine($"network {network.Genesis.Network}, chain id {network.Genesis.ChainId}, genesis {LocalNetwork.GenesisPath(directory)}");
            foreach (var country in network.Genesis.Countries)
            {
                output.WriteLine($"  {country.Code} {country.Name}: registrar {country.Registrars[0]} ({LocalNetwork.KeyPath(directory, country.Code, "registrar")})");
                output.WriteLine($"  {country.Code} {country.Name}: validator {country.Validators[0]} ({LocalNetwork.KeyPath(directory, country.Code, "validator")})");
            }
            output.WriteLine("the keys are development keys: never use them for real records");
        }));
        return command;
    }
}
