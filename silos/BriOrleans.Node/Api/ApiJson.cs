using System.Text.Json;
using System.Text.Json.Serialization;
using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;

namespace BriOrleans.Node.Api;

/// <summary>How the API writes JSON: camelCase, hashes and addresses as 0x hex (EIP-55 addresses), enums as camelCase text.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Messages carry apostrophes and non-Latin names; the API is JSON, not HTML, so they need no escaping.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new AddressJsonConverter());
        options.Converters.Add(new Hash256JsonConverter());
        options.Converters.Add(new BigIntegerJsonConverter());
        options.Converters.Add(new SignatureJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    private sealed class SignatureJsonConverter : JsonConverter<Signature>
    {
        public override Signature Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Signature.TryParse(reader.GetString(), out var signature) ? signature : throw new JsonException("not a signature");

        public override void Write(Utf8JsonWriter writer, Signature value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
