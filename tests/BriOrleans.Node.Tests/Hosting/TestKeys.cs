using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>Fixed test-only keys, derived from a label, so a workload signs the same transactions on every run.</summary>
public static class TestKeys
{
    public static PrivateKey Of(string label) => PrivateKey.FromBytes(Keccak.Hash(Encoding.UTF8.GetBytes("bri-node-tests/" + label)).ToArray());
}
