using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// An amount in minor units as a JSON string of decimal digits. System.Text.Json has no BigInteger support of its
/// own, and a JSON number would lose digits in readers that parse it as a double.
/// </summary>
public sealed class MinorUnitsJsonConverter : JsonConverter<BigInteger>
{
    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is { Length: > 0 } && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            ? BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new JsonException($"'{text}' is not an amount in minor units (decimal digits without leading zeros)");
    }

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options)
    {
        if (value.Sign < 0)
            throw new JsonException($"amounts are never negative, got {value}");
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
