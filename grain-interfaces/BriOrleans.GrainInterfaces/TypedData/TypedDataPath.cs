using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriOrleans.TypedData;

/// <summary>Describes what a JSON value is, and reads strings, for errors that name a path (<c>message.items[2].amount</c>).</summary>
internal static class TypedDataPath
{
    internal static string Describe(JsonNode? node) => Describe(node?.GetValueKind() ?? JsonValueKind.Null);

    internal static string Describe(JsonElement value) => Describe(value.ValueKind);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>Reads a JSON string; one whose escapes leave an unpaired surrogate is refused at <paramref name="path"/>.</summary>
    internal static bool TryGetString(JsonNode? node, string path, out string text)
    {
        text = "";
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            return false;
        try
        {
            return value.TryGetValue(out text!);
        }
        catch (InvalidOperationException e)
        {
            throw UnpairedSurrogate(path, e);
        }
    }

    /// <summary>Reads a JSON string; one whose escapes leave an unpaired surrogate is refused at <paramref name="path"/>.</summary>
    internal static bool TryGetString(JsonElement value, string path, out string text)
    {
        text = "";
        if (value.ValueKind != JsonValueKind.String)
            return false;
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException e)
        {
            throw UnpairedSurrogate(path, e);
        }
    }

    private static TypedDataException UnpairedSurrogate(string path, Exception inner) =>
        new(path, "the string escapes an unpaired UTF-16 surrogate, which has no UTF-8 encoding", inner);
}
