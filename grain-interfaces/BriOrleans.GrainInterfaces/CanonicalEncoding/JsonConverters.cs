using System.Text.Json;
using System.Text.Json.Serialization;
using BriOrleans.Crypto;

namespace BriOrleans.CanonicalEncoding;

/// <summary>Addresses in JSON: EIP-55 checksummed text out, either case in.</summary>
public sealed class AddressJsonConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Address.TryParse(reader.GetString(), out var address) ? address : throw new JsonException($"'{reader.GetString()}' is not an address (0x + 40 hex digits)");

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[Address.TextLength];
        value.Format(text);
        writer.WriteStringValue(text);
    }
}

/// <summary>Hashes in JSON: 0x + 64 lower-case hex digits.</summary>
public sealed class Hash256JsonConverter : JsonConverter<Hash256>
{
    public override Hash256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Hash256.TryParse(reader.GetString(), out var hash) ? hash : throw new JsonException($"'{reader.GetString()}' is not a hash (0x + 64 hex digits)");

    public override void Write(Utf8JsonWriter writer, Hash256 value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[Hash256.TextLength];
        value.Format(text);
        writer.WriteStringValue(text);
    }
}

/// <summary>Amounts in JSON: a decimal string (JavaScript numbers lose digits past 2^53); a JSON integer is read too.</summary>
public sealed class BigIntegerJsonConverter : JsonConverter<System.Numerics.BigInteger>
{
    public override System.Numerics.BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => null,
        };
        return System.Numerics.BigInteger.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an integer amount");
    }

    public override void Write(Utf8JsonWriter writer, System.Numerics.BigInteger value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
