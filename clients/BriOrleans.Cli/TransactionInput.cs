using System.Text.Json;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Transactions;
using BriOrleans.TypedData;

namespace BriOrleans.Cli;

/// <summary>Reads what a user gives to build a transaction: its kind, its fields (<c>--json</c>), the sender, the key.</summary>
internal static class TransactionInput
{
    public static TransactionKind Kind(string name) =>
        TransactionCatalog.TryGet(name, out var kind)
            ? kind
            : throw new FormatException($"'{name}' is not a transaction kind; 'bri tx kinds' lists them");

    /// <summary>The kind of the transaction record <typeparamref name="T"/>, for commands that always send one kind.</summary>
    public static TransactionKind Of<T>() where T : ITransaction => TransactionCatalog.All.Single(k => k.RecordType == typeof(T));

    /// <summary><c>--json '{…}'</c> or <c>--json @file.json</c>: the fields of the transaction, as a JSON object.</summary>
    public static JsonObject Fields(string text)
    {
        var source = "--json";
        var json = text;
        if (text.StartsWith('@'))
        {
            var path = text[1..];
            if (!File.Exists(path))
                throw new FileNotFoundException($"--json: file '{path}' does not exist", path);
            source = $"--json file '{path}'";
            json = File.ReadAllText(path);
        }
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new FormatException($"{source}: the fields are a JSON object, e.g. {{\"name\": \"…\"}}");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Checks the fields against the kind before the node is asked anything, naming the field at fault.</summary>
    public static void Check(TransactionKind kind, JsonObject fields, Address from)
    {
        try
        {
            kind.Prepare(fields, from, 0, 0);
        }
        catch (TypedDataException e)
        {
            throw new FormatException($"--json: {e.Message}", e);
        }
    }

    public static Address Address(string text, string option)
    {
        try
        {
            return Crypto.Address.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{option}: {e.Message}", e);
        }
    }
}
