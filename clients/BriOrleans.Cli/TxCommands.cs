using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Transactions;

namespace BriOrleans.Cli;

/// <summary><c>bri tx</c>: list the transaction kinds; prepare, submit, or sign and send a transaction.</summary>
internal static class TxCommands
{
    internal static Command Create()
    {
        var tx = new Command("tx", "Transactions: kinds, prepare, submit, send");
        tx.Subcommands.Add(CreateKinds());
        tx.Subcommands.Add(CreatePrepare());
        tx.Subcommands.Add(CreateSubmit());
        tx.Subcommands.Add(CreateSend());
        return tx;
    }

    private static Argument<string> KindArgument() => new("KIND") { Description = "The transaction kind, e.g. register-organization ('bri tx kinds' lists them)" };

    private static Option<string> FieldsOption() => new("--json")
    {
        Description = "The transaction's fields as a JSON object, or @FILE to read them from a file (from and nonce are filled in)",
        Required = true,
    };

    private static Command CreateKinds()
    {
        var command = new Command("kinds", "List the transaction kinds and their fields (from and nonce, filled in for you, are left out)");
        command.SetAction(CommandAction.Of((_, stdout) =>
        {
            foreach (var kind in TransactionCatalog.All)
                stdout.Write(Describe(kind));
        }));
        return command;
    }

    /// <summary>One line per kind, then one indented line per struct it uses; optional fields end in '?'.</summary>
    internal static string Describe(TransactionKind kind)
    {
        var text = new StringBuilder();
        var fields = kind.Fields.Skip(2).Select(f => $"{f.Type} {f.Name}{(kind.OptionalFields.Contains(f.Name) ? "?" : "")}");
        text.Append(kind.Name).Append(": ").Append(kind.PrimaryType).Append('(').AppendJoin(", ", fields).Append(")\n");
        foreach (var (name, structFields) in kind.Types.Where(t => t.Key != kind.PrimaryType))
            text.Append("    ").Append(name).Append('(').AppendJoin(", ", structFields.Select(f => $"{f.Type} {f.Name}")).Append(")\n");
        return text.ToString();
    }

    private static Command CreatePrepare()
    {
        var kindArgument = KindArgument();
        var node = NodeConnection.Option();
        var from = new Option<string>("--from") { Description = "The sender's address (the account that will sign)", Required = true };
        var fields = FieldsOption();
        var command = new Command("prepare", "Print the EIP-712 typed data to sign, with the network's chain id and the sender's next nonce")
        {
            kindArgument, node, from, fields,
        };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var kind = TransactionInput.Kind(parsed.GetRequiredValue(kindArgument));
            var sender = TransactionInput.Address(parsed.GetRequiredValue(from), "--from");
            var message = TransactionInput.Fields(parsed.GetRequiredValue(fields));
            TransactionInput.Check(kind, message, sender);
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            var typedData = await client.PrepareAsync(kind, sender, message, cancellation);
            JsonOutput.Pretty(stdout, typedData.ToJson());
            return ExitCode.Success;
        }));
        return command;
    }

    private static Command CreateSubmit()
    {
        var node = NodeConnection.Option();
        var typedData = new Option<string>("--typed-data") { Description = "The signed EIP-712 typed data (JSON file, e.g. from 'bri tx prepare')", Required = true };
        var signature = new Option<string>("--signature") { Description = "0x-hex r‖s‖v over the typed data, v = 27/28 or 0/1", Required = true };
        var command = new Command("submit", "Submit signed typed data; prints {\"hash\": \"0x…\"}") { node, typedData, signature };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var document = TypedDataCommands.ReadTypedData(parsed.GetRequiredValue(typedData));
            var parsedSignature = TypedDataCommands.ReadSignature(parsed.GetRequiredValue(signature));
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            var hash = await client.SubmitAsync(document, parsedSignature, cancellation);
            JsonOutput.Line(stdout, new JsonObject { ["hash"] = hash.ToString() });
            return ExitCode.Success;
        }));
        return command;
    }

    private static Command CreateSend()
    {
        var kindArgument = KindArgument();
        var node = NodeConnection.Option();
        var key = new Option<string>("--key") { Description = "The sender's key file (from 'bri keys new')", Required = true };
        var fields = FieldsOption();
        var wait = WaitOption();
        var command = new Command("send", "Prepare, sign with the key and submit; prints the hash, or with --wait the receipt")
        {
            kindArgument, node, key, fields, wait,
        };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var kind = TransactionInput.Kind(parsed.GetRequiredValue(kindArgument));
            var signer = KeyFile.Load(parsed.GetRequiredValue(key)).Key;
            var message = TransactionInput.Fields(parsed.GetRequiredValue(fields));
            TransactionInput.Check(kind, message, signer.Address);
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            var result = await client.SendAsync(kind, signer, message, parsed.GetValue(wait), cancellation);
            return PrintOutcome(parsed, stdout, result.Hash, result.Receipt);
        }));
        return command;
    }

    internal static Option<bool> WaitOption() => new("--wait") { Description = "Wait for the receipt and print it; exit 1 if the transaction failed" };

    /// <summary>Prints the hash, or the receipt when there is one; a failed receipt also goes to stderr and exits 1.</summary>
    internal static int PrintOutcome(ParseResult parsed, TextWriter stdout, Hash256 hash, Receipt? receipt)
    {
        if (receipt is null)
        {
            stdout.WriteLine(hash);
            return ExitCode.Success;
        }
        JsonOutput.Pretty(stdout, receipt);
        return receipt.Status == TransactionStatus.Executed
            ? ExitCode.Success
            : CommandAction.Report(parsed, $"{receipt.ReasonCode}: {receipt.Message}", ExitCode.Refused);
    }
}
