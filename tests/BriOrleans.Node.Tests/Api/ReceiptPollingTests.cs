using System.Net;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// <c>GET /v1/transactions/{hash}</c> while the transaction executes: a client polling it from acceptance on sees
/// "pending" and then the receipt, never "not found" in between (the node looks in the pool before the ledger,
/// because a transaction leaves the pool only after its epoch is committed). PostgreSQL, where a ledger read is a
/// round trip, leaves the widest gap between the two looks; the test caught the old order (ledger, then pool) there.
/// </summary>
public sealed class ReceiptPollingTests
{
    private const int Waves = 40;
    private const int WaveSize = 4;
    private const int Pollers = 3;

    [Fact]
    public async Task A_transaction_polled_from_acceptance_until_its_receipt_is_never_answered_as_unknown()
    {
        using var network = TestNetwork.Create();
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using var node = await InProcessNode.StartAsync(network.DataDirectory, storage.Option);
        var registrar = network.Registrar;
        var unknown = new List<string>();
        ulong nonce = 0;

        for (var wave = 0; wave < Waves; wave++)
        {
            var hashes = new List<BriOrleans.Crypto.Hash256>();
            for (var i = 0; i < WaveSize; i++, nonce++)
            {
                var registration = SignedTransaction.Sign(
                    TradeTransactions.Register(registrar, nonce, TestKeys.Of($"polling/{nonce}").Address, $"Polled Organization {nonce}", network.RegistrarCountry, "importer"),
                    registrar, TestNetwork.ChainId);
                var answer = await node.Api.SubmitAsync(registration, TestNetwork.ChainId);
                Assert.True(answer.Status == HttpStatusCode.Accepted, answer.ToString());
                hashes.Add(registration.Hash);
            }
            // Several clients poll every transaction of the wave as fast as they can until all have receipts.
            await Task.WhenAll(Enumerable.Range(0, Pollers).Select(_ => Task.Run(async () =>
            {
                var open = new HashSet<BriOrleans.Crypto.Hash256>(hashes);
                while (open.Count > 0)
                {
                    foreach (var hash in open.ToList())
                    {
                        var answer = await node.Api.GetAsync($"/v1/transactions/{hash}");
                        if (answer.Status == HttpStatusCode.NotFound)
                            lock (unknown)
                                unknown.Add($"wave {wave}: {answer}");
                        else if ((string?)answer.Body!["status"] != "pending")
                            open.Remove(hash);
                    }
                    Assert.True(unknown.Count < 100, string.Join('\n', unknown));
                }
            })));
        }

        Assert.True(unknown.Count == 0, $"{unknown.Count} answers said an accepted transaction is unknown:\n{string.Join('\n', unknown.Take(5))}");
    }
}
