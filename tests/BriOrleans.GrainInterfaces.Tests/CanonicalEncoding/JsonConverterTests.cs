using System.Numerics;
using System.Text.Json;
using BriOrleans.CanonicalEncoding;

namespace BriOrleans.GrainInterfaces.Tests.CanonicalEncoding;

public class JsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new BigIntegerJsonConverter() } };

    [Fact]
    public void Amounts_are_written_as_decimal_strings_and_read_back_exactly()
    {
        var amount = BigInteger.Parse("120000000000000000000000000001", System.Globalization.CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(new { amount }, Options);
        Assert.Equal("""{"amount":"120000000000000000000000000001"}""", json);
        Assert.Equal(amount, JsonSerializer.Deserialize<BigInteger>("\"120000000000000000000000000001\"", Options));
    }

    [Fact]
    public void A_JSON_integer_is_read_as_an_amount_and_text_that_is_no_integer_is_refused()
    {
        Assert.Equal(new BigInteger(42), JsonSerializer.Deserialize<BigInteger>("42", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BigInteger>("\"4.2\"", Options));
    }
}
