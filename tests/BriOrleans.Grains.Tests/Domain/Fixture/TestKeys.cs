using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// TEST-ONLY keys: Keccak-256 of a public label, so anyone can derive the secret. They make runs reproducible
/// (the same addresses, transaction hashes and state bytes every time) and must never hold anything real.
/// </summary>
internal static class TestKeys
{
    public static PrivateKey FromLabel(string label) =>
        PrivateKey.FromBytes(Keccak.Hash(Encoding.UTF8.GetBytes("bri-test-only/" + label)).ToArray());
}
