using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests;

/// <summary>Well-known keys shared by the tests: the EIP-712 example's "cow" key, private key 1, and keys derived from a label.</summary>
internal static class TestKeys
{
    /// <summary>keccak256("cow"), the signer of the EIP-712 Mail example.</summary>
    public static PrivateKey Cow { get; } = FromLabel("cow");

    public static Address CowAddress { get; } = Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");

    public static PrivateKey One { get; } = PrivateKey.FromHex("0x" + new string('0', 63) + "1");

    /// <summary>keccak256(label) as a private key: deterministic keys without randomness in tests.</summary>
    public static PrivateKey FromLabel(string label) => PrivateKey.FromBytes(Keccak.Hash(Encoding.UTF8.GetBytes(label)).ToArray());
}
