using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BriOrleans.CanonicalEncoding;

namespace BriOrleans.Sdk.Api;

/// <summary>The node API's JSON conventions: camelCase, 0x-hex hashes, EIP-55 addresses, enums as camelCase text.</summary>
public static class NodeJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same conventions, indented for people to read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new AddressJsonConverter());
        options.Converters.Add(new Hash256JsonConverter());
        options.Converters.Add(new BigIntegerJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }
}
