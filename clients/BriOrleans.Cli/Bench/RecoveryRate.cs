using System.Diagnostics;
using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.Cli.Bench;

/// <summary>
/// This machine's libsecp256k1 public-key recoveries per second on one core: every transaction costs the node at
/// least one, so it is the yardstick the bench's throughput is divided by. Measured in four slices, of which the
/// fastest counts: anything else running can only slow a slice down (a node still settling after its start, a
/// collection in another process), and a yardstick measured low would flatter the ratio.
/// </summary>
internal static class RecoveryRate
{
    private const int Batch = 64;
    private const int Slices = 4;

    public static double Measure(TimeSpan duration)
    {
        var key = PrivateKey.FromBytes(Keccak.Hash(Encoding.UTF8.GetBytes("bri bench recovery key")).ToArray());
        var digest = Keccak.Hash(Encoding.UTF8.GetBytes("bri bench recovery digest"));
        var signature = key.Sign(digest);
        if (signature.RecoverSigner(digest) != key.Address)
            throw new InvalidOperationException("secp256k1 recovered another signer than the key that signed");
        var best = 0.0;
        for (var slice = 0; slice < Slices; slice++)
        {
            var clock = Stopwatch.StartNew();
            long recovered = 0;
            while (clock.Elapsed < duration / Slices)
            {
                for (var i = 0; i < Batch; i++)
                    signature.RecoverSigner(digest);
                recovered += Batch;
            }
            best = Math.Max(best, recovered / clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
