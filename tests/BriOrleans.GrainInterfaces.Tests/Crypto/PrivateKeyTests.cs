using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.Crypto;

public class PrivateKeyTests
{
    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Zero_and_values_from_the_curve_order_up_are_not_private_keys(string hex)
    {
        var error = Assert.Throws<FormatException>(() => PrivateKey.FromHex(hex));
        Assert.Contains("between 1 and the curve order", error.Message);
    }

    [Theory]
    [InlineData("0x01")]
    [InlineData("0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf")]
    [InlineData("c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4")]
    public void Text_that_is_not_0x_and_64_hex_digits_is_not_a_private_key(string hex)
    {
        var error = Assert.Throws<FormatException>(() => PrivateKey.FromHex(hex));
        Assert.Contains("64 hex digits", error.Message);
    }

    [Fact]
    public void The_largest_key_n_minus_one_is_accepted()
    {
        var key = PrivateKey.FromHex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
        var digest = Keccak.Hash("edge"u8);
        Assert.Equal(key.Address, key.Sign(digest).RecoverSigner(digest));
    }

    [Fact]
    public void A_generated_key_signs_for_its_own_address()
    {
        var key = PrivateKey.Generate();
        var digest = Keccak.Hash("generated"u8);
        Assert.Equal(key.Address, key.Sign(digest).RecoverSigner(digest));
        Assert.NotEqual(key.Address, PrivateKey.Generate().Address);
    }

    [Fact]
    public void Exported_hex_reads_back_as_the_same_key()
    {
        var key = TestKeys.FromLabel("export");
        Assert.Equal(key.Address, PrivateKey.FromHex(key.ExportHex()).Address);
    }

    [Fact]
    public void ToString_names_the_address_and_never_the_secret()
    {
        var key = TestKeys.FromLabel("secret");
        Assert.DoesNotContain(key.ExportHex()[2..], key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.Address.ToString(), key.ToString());
    }

    [Fact]
    public void Shared_secrets_agree_from_either_side()
    {
        var alice = TestKeys.FromLabel("alice");
        var bob = TestKeys.FromLabel("bob");
        Assert.Equal(alice.SharedSecret(bob.PublicKey), bob.SharedSecret(alice.PublicKey));
    }

    [Fact]
    public void A_public_key_reads_back_from_its_compressed_form()
    {
        var key = TestKeys.FromLabel("compressed").PublicKey;
        var back = PublicKey.FromBytes(key.ToCompressed());
        Assert.Equal(key, back);
        Assert.Equal(key.Address, back.Address);
        Assert.Throws<FormatException>(() => PublicKey.FromBytes(new byte[33]));
    }
}
