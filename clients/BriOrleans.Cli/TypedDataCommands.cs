using System.CommandLine;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Sdk.Signing;
using BriOrleans.TypedData;

namespace BriOrleans.Cli;

/// <summary><c>bri sign-typed-data</c> and <c>bri verify-typed-data</c>: EIP-712 signatures as wallets make them.</summary>
internal static class TypedDataCommands
{
    internal static Command CreateSign()
    {
        var key = new Option<string>("--key") { Description = "Key file (from 'bri keys new')", Required = true };
        var typedData = TypedDataOption();
        var command = new Command("sign-typed-data", "Sign EIP-712 typed data; prints the 65-byte signature r‖s‖v (v = 27/28) as 0x-hex") { key, typedData };
        command.SetAction(CommandAction.Of((parsed, stdout) =>
        {
            var signer = new TypedDataSigner(KeyFile.Load(parsed.GetRequiredValue(key)).Key);
            var document = ReadTypedData(parsed.GetRequiredValue(typedData));
            stdout.WriteLine(signer.Sign(document));
        }));
        return command;
    }

    internal static Command CreateVerify()
    {
        var typedData = TypedDataOption();
        var signatureOption = new Option<string>("--signature") { Description = "0x-hex r‖s‖v, v = 27/28 or 0/1", Required = true };
        var command = new Command("verify-typed-data", "Recover who signed EIP-712 typed data; prints {\"signer\", \"digest\"} as JSON") { typedData, signatureOption };
        command.SetAction(CommandAction.Of((parsed, stdout) =>
        {
            var document = ReadTypedData(parsed.GetRequiredValue(typedData));
            var signature = ReadSignature(parsed.GetRequiredValue(signatureOption));
            var digest = Eip712.Digest(document);
            if (!signature.TryRecoverSigner(digest, out var signer))
                throw new FormatException($"--signature: the signature matches no public key for digest {digest}");
            stdout.WriteLine(new JsonObject { ["signer"] = signer.ToString(), ["digest"] = digest.ToString() }.ToJsonString());
        }));
        return command;
    }

    private static Option<string> TypedDataOption() =>
        new("--typed-data") { Description = "EIP-712 typed data JSON file (types, primaryType, domain, message)", Required = true };

    internal static TypedDataDocument ReadTypedData(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"typed data file '{path}' does not exist", path);
        try
        {
            var document = TypedDataDocument.Parse(File.ReadAllText(path));
            // Values are checked when hashed: hash now so that every error names the file.
            Eip712.Digest(document);
            return document;
        }
        catch (TypedDataException e)
        {
            throw new FormatException($"typed data file '{path}': {e.Message}", e);
        }
    }

    internal static Signature ReadSignature(string text)
    {
        try
        {
            return Signature.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"--signature: {e.Message}", e);
        }
    }
}
