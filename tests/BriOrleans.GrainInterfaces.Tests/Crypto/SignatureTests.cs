using System.Security.Cryptography;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.Crypto;

public class SignatureTests
{
    private static readonly Hash256 s_digest = Keccak.Hash("ship 40 containers"u8);

    [Fact]
    public void A_signature_recovers_the_address_that_signed()
    {
        var key = TestKeys.FromLabel("exporter");
        Assert.Equal(key.Address, key.Sign(s_digest).RecoverSigner(s_digest));
    }

    [Fact]
    public void A_signature_over_another_digest_recovers_someone_else()
    {
        var key = TestKeys.FromLabel("exporter");
        Assert.NotEqual(key.Address, key.Sign(s_digest).RecoverSigner(Keccak.Hash("ship 41 containers"u8)));
    }

    [Fact]
    public void The_public_key_verifies_its_own_signature_only()
    {
        var key = TestKeys.FromLabel("exporter");
        var signature = key.Sign(s_digest);
        Assert.True(key.PublicKey.Verify(s_digest, signature));
        Assert.False(TestKeys.FromLabel("importer").PublicKey.Verify(s_digest, signature));
        Assert.False(key.PublicKey.Verify(Keccak.Hash("tampered"u8), signature));
    }

    [Fact]
    public void Text_form_is_r_s_v_with_v_27_or_28_and_parses_back()
    {
        var signature = TestKeys.FromLabel("text").Sign(s_digest);
        var text = signature.ToString();
        Assert.Equal(2 + 130, text.Length);
        Assert.Equal(signature.V, Convert.ToByte(text[^2..], 16));
        Assert.Contains(signature.V, new byte[] { 27, 28 });
        Assert.Equal(signature, Signature.Parse(text));
    }

    [Fact]
    public void A_v_of_0_or_1_is_read_as_27_or_28()
    {
        var signature = TestKeys.FromLabel("v").Sign(s_digest);
        var bytes = signature.ToArray();
        bytes[64] -= 27;
        var parsed = Signature.FromBytes(bytes);
        Assert.Equal(signature, parsed);
        Assert.Equal(signature.ToString(), parsed.ToString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void Any_other_v_is_rejected(byte v)
    {
        var bytes = TestKeys.FromLabel("v").Sign(s_digest).ToArray();
        bytes[64] = v;
        var error = Assert.Throws<FormatException>(() => Signature.FromBytes(bytes));
        Assert.Contains("v is 27 or 28", error.Message);
    }

    [Fact]
    public void A_high_s_signature_is_rejected_as_malleable()
    {
        var bytes = TestKeys.FromLabel("high").Sign(s_digest).ToArray();
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(bytes.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        (n - s).TryWriteBytes(bytes.AsSpan(32, 32), out _, isUnsigned: true, isBigEndian: true);
        bytes[64] = (byte)(bytes[64] == 27 ? 28 : 27);
        var error = Assert.Throws<FormatException>(() => Signature.FromBytes(bytes));
        Assert.Contains("high-s", error.Message);
    }

    [Fact]
    public void Zero_r_zero_s_and_r_at_the_curve_order_are_rejected()
    {
        var valid = TestKeys.FromLabel("range").Sign(s_digest).ToArray();
        var zeroR = (byte[])valid.Clone();
        zeroR.AsSpan(0, 32).Clear();
        var zeroS = (byte[])valid.Clone();
        zeroS.AsSpan(32, 32).Clear();
        var orderR = (byte[])valid.Clone();
        Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141").CopyTo(orderR, 0);
        Assert.Contains("r is between", Assert.Throws<FormatException>(() => Signature.FromBytes(zeroR)).Message);
        Assert.Contains("s is not zero", Assert.Throws<FormatException>(() => Signature.FromBytes(zeroS)).Message);
        Assert.Contains("r is between", Assert.Throws<FormatException>(() => Signature.FromBytes(orderR)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x1234")]
    [InlineData("not hex at all")]
    public void Text_that_is_not_130_hex_digits_is_not_a_signature(string text)
    {
        var error = Assert.Throws<FormatException>(() => Signature.Parse(text));
        Assert.Contains("130 hex digits", error.Message);
        Assert.False(Signature.TryParse(text, out _));
    }

    [Fact]
    public void An_r_that_is_no_curve_point_recovers_no_signer()
    {
        // x = 5 has no point on secp256k1 (5^3 + 7 is not a square modulo p).
        var bytes = TestKeys.FromLabel("no point").Sign(s_digest).ToArray();
        bytes.AsSpan(0, 32).Clear();
        bytes[31] = 5;
        var signature = Signature.FromBytes(bytes);
        Assert.False(signature.TryRecoverSigner(s_digest, out _));
        Assert.Throws<CryptographicException>(() => signature.RecoverSigner(s_digest));
    }
}
