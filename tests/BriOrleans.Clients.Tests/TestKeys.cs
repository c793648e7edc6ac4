using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.Clients.Tests;

/// <summary>Deterministic keys for tests: keccak256(label) as the private key.</summary>
internal static class TestKeys
{
    public static PrivateKey First { get; } = FromLabel("first");

    public static PrivateKey FromLabel(string label) => PrivateKey.FromBytes(Keccak.Hash(Encoding.UTF8.GetBytes(label)).ToArray());
}
