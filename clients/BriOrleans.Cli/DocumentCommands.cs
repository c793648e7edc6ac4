using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Sdk;
using BriOrleans.Transactions;

namespace BriOrleans.Cli;

/// <summary><c>bri document</c>: the Keccak-256 of a file, whether it is anchored on the ledger, and anchoring it.</summary>
internal static class DocumentCommands
{
    internal static Command Create()
    {
        var document = new Command("document", "Documents anchored by hash: hash, check, anchor");
        document.Subcommands.Add(CreateHash());
        document.Subcommands.Add(CreateCheck());
        document.Subcommands.Add(CreateAnchor());
        return document;
    }

    private static Argument<string> FileArgument() => new("FILE") { Description = "The document file" };

    /// <summary>Keccak-256 of the file's bytes: the hash a document is anchored and looked up by.</summary>
    internal static Hash256 HashOf(string path) =>
        File.Exists(path)
            ? Keccak.Hash(File.ReadAllBytes(path))
            : throw new FileNotFoundException($"document file '{path}' does not exist", path);

    private static Command CreateHash()
    {
        var file = FileArgument();
        var command = new Command("hash", "Print the file's Keccak-256 (0x-hex), the hash a document is anchored by") { file };
        command.SetAction(CommandAction.Of((parsed, stdout) => stdout.WriteLine(HashOf(parsed.GetRequiredValue(file)))));
        return command;
    }

    private static Command CreateCheck()
    {
        var file = FileArgument();
        var node = NodeConnection.Option();
        var command = new Command("check", "Tell whether the file is anchored on the ledger, by whom and when; exit 1 if it is not") { file, node };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var hash = HashOf(parsed.GetRequiredValue(file));
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            var path = $"v1/documents/{hash}";
            JsonNode? anchor;
            try
            {
                anchor = await client.GetAsync(path, cancellation);
            }
            catch (BriApiException e) when (e.Code == "not_found")
            {
                anchor = null; // the node answers 404 for a document never anchored
            }
            var anchored = anchor is not null;
            var answer = new JsonObject { ["hash"] = hash.ToString(), ["anchored"] = anchored, ["anchor"] = anchor };
            if (anchor?["anchoredAt"] is JsonValue at && at.TryGetValue<ulong>(out var milliseconds) && milliseconds <= long.MaxValue)
                answer["anchoredAtUtc"] = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            JsonOutput.Pretty(stdout, answer);
            return anchored ? ExitCode.Success : ExitCode.Refused;
        }));
        return command;
    }

    private static Command CreateAnchor()
    {
        var file = FileArgument();
        var type = new Option<string>("--type") { Description = "DCSA document type code: TRD, CEO, INV, CUC, PCE, …", Required = true };
        var node = NodeConnection.Option();
        var key = new Option<string>("--key") { Description = "The issuer's key file", Required = true };
        var shipment = new Option<string>("--shipment") { Description = "The shipment the document belongs to", DefaultValueFactory = _ => "" };
        var uri = new Option<string>("--uri") { Description = "Where the document itself can be fetched", DefaultValueFactory = _ => "" };
        var wait = TxCommands.WaitOption();
        var command = new Command("anchor", "Anchor the file's hash on the ledger (an anchor-document transaction)")
        {
            file, type, node, key, shipment, uri, wait,
        };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var hash = HashOf(parsed.GetRequiredValue(file));
            var signer = KeyFile.Load(parsed.GetRequiredValue(key)).Key;
            var fields = new JsonObject
            {
                ["documentTypeCode"] = parsed.GetRequiredValue(type),
                ["documentHash"] = hash.ToString(),
                ["shipmentId"] = parsed.GetValue(shipment),
                ["uri"] = parsed.GetValue(uri),
            };
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            var result = await client.SendAsync(TransactionInput.Of<AnchorDocument>(), signer, fields, parsed.GetValue(wait), cancellation);
            return TxCommands.PrintOutcome(parsed, stdout, result.Hash, result.Receipt);
        }));
        return command;
    }
}
