using System.Text.Json.Nodes;
using BriOrleans.Sdk.Api;

namespace BriOrleans.Cli;

/// <summary>How commands print JSON: indented for people, one line where a script reads a single value.</summary>
internal static class JsonOutput
{
    public static void Pretty(TextWriter stdout, JsonNode json) => stdout.WriteLine(json.ToJsonString(NodeJson.Indented));

    public static void Pretty<T>(TextWriter stdout, T value) => stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, NodeJson.Indented));

    public static void Line(TextWriter stdout, JsonNode json) => stdout.WriteLine(json.ToJsonString(NodeJson.Options));
}
