using System.Diagnostics;
using System.Globalization;
using System.Text;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.Benchmarks;

/// <summary>
/// Single-thread rates of signing, recovering a signer (what checking a transaction costs) and verifying,
/// with Keccak-256 and an EIP-712 digest for scale: the median of several timed rounds after a warm-up.
/// </summary>
internal static class Secp256k1Benchmark
{
    private const int OperationsPerRound = 5_000;
    private const int Rounds = 7;

    private const string MailTypedData = """
        {"types":{"Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
        "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
        "primaryType":"Mail","domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
        "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},"to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
        """;

    public static void Run()
    {
        var key = PrivateKey.FromBytes(Keccak.Hash("benchmark"u8).ToArray());
        var digests = Enumerable.Range(0, OperationsPerRound).Select(i => Keccak.Hash(Encoding.UTF8.GetBytes($"transaction {i}"))).ToArray();
        var signatures = digests.Select(key.Sign).ToArray();
        var payload = new byte[200];
        var mail = TypedDataDocument.Parse(MailTypedData);

        Console.WriteLine($"secp256k1 (libsecp256k1 via LibraryImport), single thread, median of {Rounds} rounds of {OperationsPerRound:N0}");
        Report("sign (RFC 6979)", i => key.Sign(digests[i]));
        Report("recover signer address", i => signatures[i].RecoverSigner(digests[i]));
        Report("verify (low-s)", i => key.PublicKey.Verify(digests[i], signatures[i]));
        Report("keccak-256 of 200 B", _ => Keccak.Hash(payload));
        Report("EIP-712 digest (Mail)", _ => Eip712.Digest(mail));
    }

    private static void Report<T>(string name, Func<int, T> operation)
    {
        var sink = default(T);
        for (var i = 0; i < OperationsPerRound; i++)
            sink = operation(i);
        var rates = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < OperationsPerRound; i++)
                sink = operation(i);
            rates[round] = OperationsPerRound / clock.Elapsed.TotalSeconds;
        }
        Array.Sort(rates);
        GC.KeepAlive(sink);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-26} {rates[Rounds / 2],12:N0} /s"));
    }
}
