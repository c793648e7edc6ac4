using System.Numerics;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.Crypto;

public class Secp256k1Tests
{
    private static readonly BigInteger s_curveOrder =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private static byte[] Digest(string text) => Keccak.Hash(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

    private static byte[] Word(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    private static (byte[] Secret, byte[] PublicKey) KeyPair(string label)
    {
        var secret = Digest(label);
        var publicKey = new byte[65];
        Assert.True(Secp256k1.CreatePublicKey(secret, publicKey));
        return (secret, publicKey);
    }

    [Fact]
    public void A_missing_library_fails_with_the_Debian_package_to_install()
    {
        var error = Assert.Throws<DllNotFoundException>(() => Secp256k1Library.EnsureLoadable("libsecp256k1-not-here.so.9"));
        Assert.Contains("libsecp256k1 is not installed", error.Message);
        Assert.Contains("apt-get install libsecp256k1-1", error.Message);
        Assert.Contains("./test.sh", error.Message);
    }

    [Fact]
    public void The_installed_library_loads()
    {
        Secp256k1Library.EnsureLoadable(Secp256k1Native.Library);
    }

    [Fact]
    public void Secret_keys_outside_one_to_n_minus_one_are_rejected()
    {
        Assert.False(Secp256k1.VerifySecretKey(new byte[32]));
        Assert.False(Secp256k1.VerifySecretKey(Word(s_curveOrder)));
        Assert.False(Secp256k1.VerifySecretKey(Word(s_curveOrder + 1)));
        Assert.False(Secp256k1.VerifySecretKey(Enumerable.Repeat((byte)0xFF, 32).ToArray()));
        Assert.True(Secp256k1.VerifySecretKey(Word(1)));
        Assert.True(Secp256k1.VerifySecretKey(Word(s_curveOrder - 1)));
    }

    [Fact]
    public void A_recoverable_signature_recovers_to_the_key_that_signed()
    {
        for (var i = 0; i < 20; i++)
        {
            var (secret, publicKey) = KeyPair($"signer {i}");
            var digest = Digest($"message {i}");
            var signature = new byte[64];
            Assert.True(Secp256k1.SignRecoverable(digest, secret, signature, out var recoveryId));
            Assert.InRange(recoveryId, 0, 1);
            var recovered = new byte[65];
            Assert.True(Secp256k1.RecoverPublicKey(signature, recoveryId, digest, recovered));
            Assert.Equal(publicKey, recovered);
        }
    }

    [Fact]
    public void Signing_is_deterministic_per_RFC_6979()
    {
        var (secret, _) = KeyPair("deterministic");
        var first = new byte[64];
        var second = new byte[64];
        Assert.True(Secp256k1.SignRecoverable(Digest("same"), secret, first, out var firstId));
        Assert.True(Secp256k1.SignRecoverable(Digest("same"), secret, second, out var secondId));
        Assert.Equal(first, second);
        Assert.Equal(firstId, secondId);
    }

    [Fact]
    public void Verify_accepts_the_signers_key_and_rejects_a_tampered_digest_or_another_key()
    {
        var (secret, publicKey) = KeyPair("verifier");
        var (_, otherKey) = KeyPair("someone else");
        var digest = Digest("payment 100");
        var signature = new byte[64];
        Assert.True(Secp256k1.SignRecoverable(digest, secret, signature, out _));
        Assert.True(Secp256k1.Verify(signature, digest, publicKey));
        var tampered = (byte[])digest.Clone();
        tampered[31] ^= 1;
        Assert.False(Secp256k1.Verify(signature, tampered, publicKey));
        Assert.False(Secp256k1.Verify(signature, digest, otherKey));
    }

    [Fact]
    public void Verify_rejects_the_high_s_twin_of_a_valid_signature_although_it_still_recovers()
    {
        var (secret, publicKey) = KeyPair("malleable");
        var digest = Digest("pay once");
        var signature = new byte[64];
        Assert.True(Secp256k1.SignRecoverable(digest, secret, signature, out var recoveryId));
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var twin = signature[..32].Concat(Word(s_curveOrder - s)).ToArray();

        Assert.False(Secp256k1.Verify(twin, digest, publicKey));
        // Negating s flips the parity of the nonce point: recovery alone would accept the twin.
        var recovered = new byte[65];
        Assert.True(Secp256k1.RecoverPublicKey(twin, 1 - recoveryId, digest, recovered));
        Assert.Equal(publicKey, recovered);
    }

    [Fact]
    public void ECDH_gives_both_parties_the_same_secret()
    {
        var (aliceSecret, alicePublic) = KeyPair("alice");
        var (bobSecret, bobPublic) = KeyPair("bob");
        var (_, carolPublic) = KeyPair("carol");
        var aliceShared = new byte[32];
        var bobShared = new byte[32];
        var carolShared = new byte[32];
        Assert.True(Secp256k1.Ecdh(bobPublic, aliceSecret, aliceShared));
        Assert.True(Secp256k1.Ecdh(alicePublic, bobSecret, bobShared));
        Assert.True(Secp256k1.Ecdh(carolPublic, aliceSecret, carolShared));
        Assert.Equal(aliceShared, bobShared);
        Assert.NotEqual(aliceShared, carolShared);
    }

    [Fact]
    public void Compressed_and_uncompressed_forms_are_the_same_key()
    {
        var (secret, uncompressed) = KeyPair("forms");
        var compressed = new byte[33];
        Assert.True(Secp256k1.CreatePublicKey(secret, compressed));
        Assert.Equal(uncompressed[1..33], compressed[1..]);
        Assert.Equal(uncompressed[64] % 2 == 0 ? 0x02 : 0x03, compressed[0]);
        var expanded = new byte[65];
        Assert.True(Secp256k1.SerializePublicKey(compressed, expanded));
        Assert.Equal(uncompressed, expanded);
    }

    [Fact]
    public void Bytes_that_are_not_a_curve_point_are_not_a_public_key()
    {
        var beyondFieldPrime = new byte[33];
        beyondFieldPrime[0] = 0x02;
        beyondFieldPrime.AsSpan(1).Fill(0xFF);
        var noPointAtXFive = new byte[33];
        noPointAtXFive[0] = 0x02;
        noPointAtXFive[32] = 5;
        Assert.False(Secp256k1.IsValidPublicKey(beyondFieldPrime));
        Assert.False(Secp256k1.IsValidPublicKey(noPointAtXFive));
        Assert.False(Secp256k1.IsValidPublicKey(new byte[64]));
        Assert.True(Secp256k1.IsValidPublicKey(KeyPair("valid").PublicKey));
    }

    [Fact]
    public void Buffers_of_the_wrong_length_are_misuse_and_throw()
    {
        var (secret, _) = KeyPair("misuse");
        Assert.Throws<ArgumentException>(() => Secp256k1.SignRecoverable(new byte[31], secret, new byte[64], out _));
        Assert.Throws<ArgumentException>(() => Secp256k1.SignRecoverable(new byte[32], secret, new byte[65], out _));
        Assert.Throws<ArgumentException>(() => Secp256k1.CreatePublicKey(secret, new byte[64]));
        Assert.Throws<ArgumentException>(() => Secp256k1.VerifySecretKey(new byte[33]));
    }
}
