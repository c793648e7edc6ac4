using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Sdk;
using BriOrleans.Transactions;
using BriOrleans.TypedData;

namespace BriOrleans.Cli.Bench;

/// <summary>
/// The bench's senders: fresh keys that a registrar admits as carrier organizations of its country. Any active
/// organization may anchor a document of its own, which is what the bench sends.
/// </summary>
internal static class BenchSenders
{
    private static readonly TimeSpan s_registrationLimit = TimeSpan.FromSeconds(60);

    private static readonly TransactionKind s_kind = TransactionInput.Of<RegisterOrganization>();

    /// <summary>Registers <paramref name="count"/> senders and returns their keys, or the first failed receipt.</summary>
    public static async Task<(IReadOnlyList<PrivateKey> Keys, Receipt? Failure)> RegisterAsync(
        BriClient client, ExecutionWatch watch, PrivateKey registrar, int count, CancellationToken cancellation)
    {
        var account = await client.GetAccountAsync(registrar.Address, cancellation);
        var country = account.Organization?["country"] is JsonValue value && value.TryGetValue<string>(out var code)
            ? code
            : throw new FormatException($"--registrar: {registrar.Address} is not a registered organization of this network");
        var chainId = await client.GetChainIdAsync(cancellation);
        // Fresh keys every run: a node keeps its organizations, so fixed keys would be registered already the second time.
        var keys = Enumerable.Range(0, count).Select(_ => PrivateKey.Generate()).ToArray();
        var hashes = new List<Hash256>();
        for (var i = 0; i < count; i++)
        {
            var fields = new JsonObject
            {
                ["address"] = keys[i].Address.ToString(),
                ["name"] = $"Bench carrier {i + 1} {keys[i].Address}",
                ["country"] = country,
                ["roles"] = new JsonArray("carrier"),
            };
            var typedData = s_kind.Prepare(fields, registrar.Address, account.PendingNonce + (ulong)i, chainId);
            hashes.Add(await client.SubmitAsync(typedData, registrar.Sign(Eip712.Digest(typedData)), cancellation));
        }
        foreach (var hash in hashes)
        {
            var receipt = await client.WaitAsync(hash, s_registrationLimit, cancellation);
            if (receipt.Status != TransactionStatus.Executed)
                return (keys, receipt);
        }
        // The registrations executed, so their receipts went out on the event stream: seeing them there proves the
        // bench's subscription is live before the timed run starts.
        if (await watch.WaitForAsync(hashes, TimeSpan.FromSeconds(10), cancellation) > 0)
            throw new TimeoutException("the node's event stream did not deliver the receipts of the bench senders' registrations");
        return (keys, null);
    }
}
