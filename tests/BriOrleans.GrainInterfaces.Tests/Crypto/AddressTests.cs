using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.Crypto;

public class AddressTests
{
    [Fact]
    public void Private_key_one_has_the_well_known_address()
    {
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", TestKeys.One.Address.ToString());
    }

    [Fact]
    public void An_address_is_the_last_20_bytes_of_the_Keccak_of_the_public_key()
    {
        var key = TestKeys.FromLabel("address");
        var hash = Keccak.Hash(key.PublicKey.Uncompressed[1..]).ToArray();
        Assert.Equal(hash[12..], key.Address.ToArray());
    }

    // The examples of EIP-55 itself: all upper, all lower, and mixed case.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void The_EIP55_examples_are_written_with_their_checksum(string checksummed)
    {
        Assert.Equal(checksummed, Address.Parse(checksummed.ToLowerInvariant()).ToString());
        Assert.Equal(checksummed, Address.Parse("0x" + checksummed[2..].ToUpperInvariant()).ToString());
        Assert.Equal(checksummed, Address.Parse(checksummed).ToString());
    }

    // Checksums are remembered by the address's last byte: addresses sharing it, written in turn, each keep their own.
    [Fact]
    public void Addresses_written_in_turn_keep_their_own_checksums_when_they_share_a_last_byte()
    {
        var first = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var bytes = first.ToArray();
        bytes[0] ^= 0x5A;
        var second = new Address(bytes);
        var secondText = second.ToString();
        Assert.NotEqual(first.ToString()[4..], secondText[4..]);

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", first.ToString());
            Assert.Equal(secondText, second.ToString());
            Assert.True(Address.TryParse(secondText, out var parsed));
            Assert.Equal(second, parsed);
        }
        Assert.Equal(ChecksummedFromScratch(second), secondText);
    }

    // EIP-55 written out: upper-case where the nibble of Keccak(lower-case hex) is 8 or more.
    private static string ChecksummedFromScratch(Address address)
    {
        var lower = Convert.ToHexStringLower(address.ToArray());
        var hash = Keccak.Hash(System.Text.Encoding.ASCII.GetBytes(lower)).ToArray();
        var digits = lower.Select((c, i) => ((i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xF) >= 8 ? char.ToUpperInvariant(c) : c);
        return "0x" + string.Concat(digits);
    }

    [Fact]
    public void Mixed_case_with_a_wrong_checksum_is_rejected_naming_the_checksum()
    {
        // The last letter's case flipped.
        var error = Assert.Throws<FormatException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        Assert.Contains("EIP-55 checksum", error.Message);
        Assert.False(Address.TryParse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", out _));
    }

    [Theory]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")]
    [InlineData("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    [InlineData("")]
    public void Text_that_is_not_0x_and_40_hex_digits_is_not_an_address(string text)
    {
        var error = Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.Contains("40 hex digits", error.Message);
    }

    [Fact]
    public void Addresses_are_ordered_byte_by_byte()
    {
        var low = Address.Parse("0x00000000000000000000000000000000000000ff");
        var middle = Address.Parse("0x0000000000000000000000000000000000000100");
        var high = Address.Parse("0xff00000000000000000000000000000000000000");
        Assert.True(low < middle && middle < high);
        Assert.Equal([Address.Zero, low, middle, high], new[] { high, Address.Zero, middle, low }.Order());
    }

    [Fact]
    public void Zero_is_twenty_zero_bytes_and_equal_only_to_itself()
    {
        Assert.True(Address.Zero.IsZero);
        Assert.Equal(new byte[20], Address.Zero.ToArray());
        Assert.Equal(Address.Zero, Address.Parse("0x0000000000000000000000000000000000000000"));
        Assert.NotEqual(Address.Zero, TestKeys.One.Address);
        Assert.False(TestKeys.One.Address.IsZero);
    }

    [Fact]
    public void Equal_addresses_have_equal_hash_codes()
    {
        var a = Address.Parse("0xde709f2102306220921060314715629080e2fb77");
        var b = Address.Parse("0xDE709F2102306220921060314715629080E2FB77");
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
