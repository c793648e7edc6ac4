using System.Text.Json.Nodes;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

/// <summary>Each malformed value is refused with an error that names its path.</summary>
public class MalformedValueTests
{
    private static TypedDataException Refused(string json) =>
        Assert.Throws<TypedDataException>(() => Eip712.Digest(TypedDataDocument.Parse(json)));

    private static string Order(string path, JsonNode? value) => OrderExample.With(root =>
    {
        var message = root["message"]!;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
            message = Step(message, part);
        var last = parts[^1];
        if (last.EndsWith(']'))
            message[last[..last.IndexOf('[')]]!.AsArray()[Index(last)] = value;
        else
            message.AsObject()[last] = value;
    });

    private static JsonNode Step(JsonNode node, string part) =>
        part.EndsWith(']') ? node[part[..part.IndexOf('[')]]![Index(part)]! : node[part]!;

    private static int Index(string part) => int.Parse(part[(part.IndexOf('[') + 1)..^1]);

    [Fact]
    public void The_unbroken_order_hashes()
    {
        Eip712.Digest(TypedDataDocument.Parse(OrderExample.Json));
    }

    [Theory]
    [InlineData("items[2].amount", "256", "256 is out of range for uint8 (0 to 255)")]
    [InlineData("items[2].amount", "\"-1\"", "-1 is out of range for uint8")]
    [InlineData("items[0].amount", "\"0x100\"", "256 is out of range for uint8")]
    [InlineData("adjustment", "-129", "-129 is out of range for int8 (-128 to 127)")]
    [InlineData("adjustment", "\"128\"", "128 is out of range for int8")]
    [InlineData("items[1].amount", "1.5", "not an integer")]
    [InlineData("items[1].amount", "1e2", "not an integer")]
    [InlineData("items[1].amount", "1.0", "not an integer")]
    [InlineData("items[1].amount", "\"12abc\"", "is not an integer for uint8")]
    [InlineData("items[1].amount", "\"\"", "is not an integer for uint8")]
    [InlineData("items[1].amount", "\"0x\"", "bad hex integer")]
    [InlineData("items[1].amount", "\"-0x1\"", "is not an integer for uint8")]
    [InlineData("items[1].amount", "true", "expected an integer for uint8")]
    [InlineData("items[1].amount", "null", "got null")]
    [InlineData("reference", "\"0x010203\"", "bytes4 takes exactly 4 bytes, got 3")]
    [InlineData("reference", "\"0x0102030405\"", "bytes4 takes exactly 4 bytes, got 5")]
    [InlineData("reference", "\"0x0102030z\"", "bad hex for bytes4")]
    [InlineData("memo", "\"0xabc\"", "bad hex for bytes")]
    [InlineData("memo", "\"c0ffee\"", "bad hex for bytes")]
    [InlineData("memo", "\"0XC0FFEE\"", "bad hex for bytes")]
    [InlineData("memo", "12", "expected 0x-hex for bytes, got a number")]
    [InlineData("buyer", "\"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbb\"", "EIP-55 checksum")]
    [InlineData("buyer", "\"0xbbbb\"", "40 hex digits")]
    [InlineData("insured", "\"true\"", "expected true or false for bool, got a string")]
    [InlineData("insured", "1", "expected true or false for bool, got a number")]
    [InlineData("items[0].sku", "7", "expected a string, got a number")]
    [InlineData("corridor", "[\"Chongqing\"]", "expected 2 elements for string[2], got 1")]
    [InlineData("corridor", "\"Chongqing\"", "expected an array for string[2], got a string")]
    [InlineData("items", "{}", "expected an array for Item[], got an object")]
    [InlineData("items[1]", "[]", "expected an object for struct 'Item', got an array")]
    public void A_bad_value_is_refused_naming_its_path(string path, string valueJson, string problem)
    {
        var error = Refused(Order(path, JsonNode.Parse(valueJson)));
        Assert.Equal($"message.{path}", error.Path);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"message.{path}: ", error.Message);
    }

    [Fact]
    public void A_JSON_number_beyond_2_to_the_53_is_refused_because_JavaScript_reads_it_inexactly()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new TypedDataField("v", "uint64")] };
        Eip712.HashStruct(types, "T", JsonNode.Parse("""{"v": 9007199254740991}""")!.AsObject());
        var error = Assert.Throws<TypedDataException>(() => Eip712.HashStruct(types, "T", JsonNode.Parse("""{"v": 9007199254740993}""")!.AsObject()));
        Assert.Equal("v", error.Path);
        Assert.Contains("2^53 - 1", error.Message);
    }

    [Fact]
    public void A_huge_decimal_string_is_refused_as_out_of_range()
    {
        var error = Refused(Order("items[0].amount", JsonValue.Create(new string('9', 5000))));
        Assert.Equal("message.items[0].amount", error.Path);
        Assert.Contains("5000-digit number is out of range for uint8", error.Message);
    }

    [Fact]
    public void A_missing_field_is_refused_naming_it()
    {
        var error = Refused(OrderExample.With(root => root["message"]!["items"]![1]!.AsObject().Remove("amount")));
        Assert.Equal("message.items[1].amount", error.Path);
        Assert.Contains("missing field 'amount' of type uint8 in 'Item'", error.Message);
    }

    [Fact]
    public void A_field_the_type_lacks_is_refused_because_it_would_not_be_signed()
    {
        var error = Refused(OrderExample.With(root => root["message"]!["items"]![0]!["discount"] = 5));
        Assert.Equal("message.items[0].discount", error.Path);
        Assert.Contains("field 'discount' is not in type 'Item'", error.Message);
    }

    [Fact]
    public void A_string_with_an_unpaired_surrogate_is_refused()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new TypedDataField("sku", "string")] };
        var error = Assert.Throws<TypedDataException>(() => Eip712.HashStruct(types, "T", new JsonObject { ["sku"] = "tea\ud800" }));
        Assert.Equal("sku", error.Path);
        Assert.Contains("unpaired UTF-16 surrogate", error.Message);
    }

    [Fact]
    public void An_escaped_unpaired_surrogate_in_JSON_text_is_refused()
    {
        var error = Refused(OrderExample.Json.Replace("\"tea\"", "\"tea\\ud800\"", StringComparison.Ordinal));
        Assert.Equal("message.items[0].sku", error.Path);
    }

    [Theory]
    [InlineData("chainId", "\"seven\"", "is not an integer for uint256")]
    [InlineData("chainId", "-1", "-1 is out of range for uint256")]
    [InlineData("name", "7", "expected a string, got a number")]
    public void A_bad_domain_value_is_refused_naming_its_path(string key, string valueJson, string problem)
    {
        var error = Refused(OrderExample.With(root => root["domain"]![key] = JsonNode.Parse(valueJson)));
        Assert.Equal($"domain.{key}", error.Path);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_verifying_contract_with_a_wrong_checksum_is_refused()
    {
        var error = Refused(MailExample.With(root => root["domain"]!["verifyingContract"] = "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccc"));
        Assert.Equal("domain.verifyingContract", error.Path);
        Assert.Contains("EIP-55 checksum", error.Message);
    }
}
