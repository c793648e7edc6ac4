using System.Numerics;
using BriOrleans.Crypto;
using BriOrleans.CanonicalEncoding;

namespace BriOrleans.GrainInterfaces.Tests;

public class RlpTests
{
    // Examples from Ethereum's RLP specification.
    public static TheoryData<string, RlpItem> SpecificationExamples() => new()
    {
        { "0x83646f67", RlpItem.Of("dog") },
        { "0xc88363617483646f67", RlpItem.Of(RlpItem.Of("cat"), RlpItem.Of("dog")) },
        { "0x80", RlpItem.Of("") },
        { "0xc0", RlpItem.Of(Array.Empty<RlpItem>()) },
        { "0x80", RlpItem.Of(0UL) },
        { "0x0f", RlpItem.Of(15UL) },
        { "0x820400", RlpItem.Of(1024UL) },
        { "0x820400", RlpItem.Of(new BigInteger(1024)) },
        { "0xc7c0c1c0c3c0c1c0", RlpItem.Of(RlpItem.Of(Array.Empty<RlpItem>()), RlpItem.Of(RlpItem.Of(Array.Empty<RlpItem>())),
            RlpItem.Of(RlpItem.Of(Array.Empty<RlpItem>()), RlpItem.Of(RlpItem.Of(Array.Empty<RlpItem>())))) },
        { "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974",
            RlpItem.Of("Lorem ipsum dolor sit amet, consectetur adipisicing elit") },
    };

    [Theory]
    [MemberData(nameof(SpecificationExamples))]
    public void Encoding_matches_the_specification_and_decodes_back(string expected, RlpItem item)
    {
        Assert.Equal(expected, Hex.Encode(item.Encode()));
        Assert.Equal(item, Rlp.Decode(Hex.Decode(expected)));
    }

    [Fact]
    public void Integers_round_trip_through_every_byte_width()
    {
        foreach (var value in new ulong[] { 0, 1, 127, 128, 255, 256, 65535, 1UL << 32, ulong.MaxValue })
            Assert.Equal(value, Rlp.Decode(RlpItem.Of(value).Encode()).AsUInt64());
    }

    [Fact]
    public void Long_lists_use_the_long_length_form()
    {
        var list = RlpItem.Of(Enumerable.Range(0, 100).Select(i => RlpItem.Of((ulong)i)).ToArray());
        var encoded = list.Encode();
        Assert.Equal(0xf8, encoded[0]);
        Assert.Equal(100, Rlp.Decode(encoded).AsList().Count);
    }

    [Theory]
    [InlineData("0x8100", "single byte below 0x80")]
    [InlineData("0xb80100", "long form used for a short length")]
    [InlineData("0x83646f", "runs past the input")]
    [InlineData("0x83646f6700", "trailing bytes")]
    [InlineData("0x", "unexpected end")]
    public void Non_canonical_or_truncated_input_is_rejected(string input, string reason)
    {
        var error = Assert.Throws<RlpException>(() => Rlp.Decode(Hex.Decode(input)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_integer_with_a_leading_zero_is_not_canonical()
    {
        Assert.Throws<RlpException>(() => Rlp.Decode(Hex.Decode("0x820004")).AsUInt64());
    }
}
