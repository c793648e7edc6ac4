using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriOrleans.TypedData;

/// <summary>Builds the paths that errors name (<c>message.items[2].amount</c>) and describes what a JSON value is.</summary>
internal static class TypedDataPath
{
    internal static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal static string Index(string path, int index) => $"{path}[{index}]";

    internal static string Describe(JsonNode? node) => (node?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    internal static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue(out text!);
    }
}
