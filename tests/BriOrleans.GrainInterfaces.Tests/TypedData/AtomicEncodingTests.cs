using System.Text;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

/// <summary>encodeData of each kind of value, checked against hand-built words through a one-field struct T(type v).</summary>
public class AtomicEncodingTests
{
    private static Hash256 HashOf(string type, string valueJson)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new TypedDataField("v", type)] };
        return Eip712.HashStruct(types, "T", new JsonObject { ["v"] = JsonNode.Parse(valueJson) });
    }

    private static Hash256 Expected(string type, byte[] word) =>
        Keccak.Hash([.. Keccak.Hash(Encoding.ASCII.GetBytes($"T({type} v)")).ToArray(), .. word]);

    private static byte[] Word(string hex) => Convert.FromHexString(hex.PadLeft(64, '0'));

    private static byte[] Keccak256(byte[] data) => Keccak.Hash(data).ToArray();

    [Theory]
    [InlineData("int8", "-1", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int16", "-300", "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed4")]
    [InlineData("int8", "-128", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int8", "127", "7f")]
    [InlineData("int256", "\"-57896044618658097711785492504343953926634992332820282019728792003956564819968\"", "8000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("int256", "\"57896044618658097711785492504343953926634992332820282019728792003956564819967\"", "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("uint256", "\"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("uint8", "255", "ff")]
    [InlineData("uint8", "0", "00")]
    [InlineData("uint64", "\"18446744073709551615\"", "ffffffffffffffff")]
    [InlineData("bool", "true", "01")]
    [InlineData("bool", "false", "00")]
    [InlineData("address", "\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"", "cd2a3d9f938e13cd947ec05abc7fe734df8dd826")]
    public void Words_are_32_byte_big_endian_with_negatives_sign_extended(string type, string value, string wordHex)
    {
        Assert.Equal(Expected(type, Word(wordHex)), HashOf(type, value));
    }

    [Theory]
    [InlineData("bytes1", "0xab", "ab")]
    [InlineData("bytes3", "0x010203", "010203")]
    [InlineData("bytes32", "0x0102030405060708091011121314151617181920212223242526272829303132", "0102030405060708091011121314151617181920212223242526272829303132")]
    public void Fixed_bytes_are_right_padded(string type, string value, string bytesHex)
    {
        Assert.Equal(Expected(type, Convert.FromHexString(bytesHex.PadRight(64, '0'))), HashOf(type, $"\"{value}\""));
    }

    [Theory]
    [InlineData("Hello, Bob!")]
    [InlineData("")]
    [InlineData("héllo 世界 🚀 \"quoted\" \\ \n")]
    public void Strings_are_the_Keccak_of_their_UTF8(string text)
    {
        Assert.Equal(Expected("string", Keccak256(Encoding.UTF8.GetBytes(text))), HashOf("string", JsonValue.Create(text).ToJsonString()));
    }

    [Theory]
    [InlineData("0x", "")]
    [InlineData("0xdeadbeef", "deadbeef")]
    public void Dynamic_bytes_are_the_Keccak_of_their_contents(string value, string bytesHex)
    {
        Assert.Equal(Expected("bytes", Keccak256(Convert.FromHexString(bytesHex))), HashOf("bytes", $"\"{value}\""));
    }

    [Theory]
    [InlineData("255")]
    [InlineData("\"255\"")]
    [InlineData("\"0xff\"")]
    [InlineData("\"0xFF\"")]
    [InlineData("\"00255\"")]
    public void An_integer_as_number_decimal_string_or_hex_string_encodes_alike(string value)
    {
        Assert.Equal(Expected("uint8", Word("ff")), HashOf("uint8", value));
    }

    [Fact]
    public void A_negative_integer_as_number_or_decimal_string_encodes_alike()
    {
        Assert.Equal(HashOf("int32", "-5"), HashOf("int32", "\"-5\""));
    }

    [Fact]
    public void A_fixed_array_is_the_Keccak_of_its_element_words()
    {
        Assert.Equal(Expected("uint8[2]", Keccak256([.. Word("01"), .. Word("02")])), HashOf("uint8[2]", "[1, 2]"));
    }

    [Fact]
    public void An_empty_dynamic_array_is_the_Keccak_of_nothing()
    {
        Assert.Equal(Expected("string[]", Keccak256([])), HashOf("string[]", "[]"));
    }

    [Fact]
    public void Nested_arrays_hash_each_inner_array_first()
    {
        var first = Keccak256(Word("01"));
        var second = Keccak256([.. Word("02"), .. Word("03")]);
        Assert.Equal(Expected("uint8[][2]", Keccak256([.. first, .. second])), HashOf("uint8[][2]", "[[1], [2, 3]]"));
    }

    [Fact]
    public void An_array_of_structs_is_the_Keccak_of_their_struct_hashes()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Batch"] = [new TypedDataField("lots", "Lot[]")],
            ["Lot"] = [new TypedDataField("id", "uint32")],
        };
        var lot1 = Eip712.HashStruct(types, "Lot", new JsonObject { ["id"] = 1 }).ToArray();
        var lot2 = Eip712.HashStruct(types, "Lot", new JsonObject { ["id"] = 2 }).ToArray();
        var typeHash = Keccak.Hash("Batch(Lot[] lots)Lot(uint32 id)"u8).ToArray();
        var expected = Keccak.Hash([.. typeHash, .. Keccak256([.. lot1, .. lot2])]);
        Assert.Equal(expected, Eip712.HashStruct(types, "Batch", JsonNode.Parse("""{"lots": [{"id": 1}, {"id": 2}]}""")!.AsObject()));
    }
}
