using BriOrleans.Crypto;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Crash;

/// <summary>A transaction of a workload with the outcome its rules give it: "executed", or "failed" with a reason code.</summary>
public sealed record PlannedTransaction(SignedTransaction Signed, string Status, string ReasonCode)
{
    public Hash256 Hash => Signed.Hash;
}

/// <summary>
/// A deterministic workload of signed transactions: the registrar registers every trader, then each trader creates
/// its own shipment (consigned to the next trader), records planned arrivals and anchors invoices for it, and sends three that fail by rule (an
/// event id used twice, an invoice anchored twice, an invoice for a shipment that does not exist). Every trader
/// writes only its own shipment and documents, so each transaction's outcome and the final domain state do not
/// depend on how the traders' transactions interleave, only on each trader's nonce order.
/// </summary>
public sealed class TradeWorkload
{
    private TradeWorkload(IReadOnlyList<IReadOnlyList<PlannedTransaction>> bySender, IReadOnlyList<string> readPaths)
    {
        BySender = bySender;
        ReadPaths = readPaths;
        // The plan order: registrations, then the traders' transactions round-robin by nonce.
        Transactions = [.. bySender[0], .. Enumerable.Range(0, bySender.Skip(1).Max(s => s.Count))
            .SelectMany(i => bySender.Skip(1).Where(s => i < s.Count).Select(s => s[i]))];
    }

    /// <summary>Every transaction in the order a client would send them.</summary>
    public IReadOnlyList<PlannedTransaction> Transactions { get; }

    /// <summary>Per sender, in nonce order; the registrar first.</summary>
    public IReadOnlyList<IReadOnlyList<PlannedTransaction>> BySender { get; }

    /// <summary>The API paths of every object the workload touches, and of the objects its failures name.</summary>
    public IReadOnlyList<string> ReadPaths { get; }

    public static TradeWorkload Create(PrivateKey registrar, string country, int traders, int eventsPerTrader, int invoicesPerTrader)
    {
        var keys = Enumerable.Range(0, traders).Select(i => TestKeys.Of($"kill-test/trader-{i}")).ToList();
        var bySender = new List<IReadOnlyList<PlannedTransaction>>
        {
            keys.Select((key, i) => Executed(TradeTransactions.Register(registrar, (ulong)i, key.Address, $"Corridor Trader {i}", country, TradeTransactions.TraderRoles), registrar)).ToList(),
        };
        var paths = new List<string> { $"/v1/accounts/{registrar.Address}" };
        for (var i = 0; i < traders; i++)
        {
            var key = keys[i];
            var from = key.Address;
            var shipment = $"CORRIDOR-{i}";
            ulong nonce = 0;
            var plan = new List<PlannedTransaction>
            {
                Executed(TradeTransactions.Shipment(from, nonce++, shipment, keys[(i + 1) % traders].Address), key),
            };
            for (var e = 0; e < eventsPerTrader; e++)
                plan.Add(Executed(TradeTransactions.PlannedArrival(from, nonce++, shipment, $"{shipment}-ARRI-{e}"), key));
            plan.Add(Failed(TradeTransactions.PlannedArrival(from, nonce++, shipment, $"{shipment}-ARRI-0"), key, "event_exists"));
            for (var d = 0; d < invoicesPerTrader; d++)
            {
                plan.Add(Executed(TradeTransactions.Invoice(from, nonce++, $"{shipment} invoice {d}", shipment), key));
                paths.Add($"/v1/documents/{TradeTransactions.HashOf($"{shipment} invoice {d}")}");
            }
            plan.Add(Failed(TradeTransactions.Invoice(from, nonce++, $"{shipment} invoice 0"), key, "document_exists"));
            plan.Add(Failed(TradeTransactions.Invoice(from, nonce++, $"{shipment} stray invoice", $"NO-SUCH-{i}"), key, "unknown_shipment"));
            paths.Add($"/v1/documents/{TradeTransactions.HashOf($"{shipment} stray invoice")}");
            paths.AddRange([$"/v1/accounts/{from}", $"/v1/organizations/{from}", $"/v1/shipments/{shipment}", $"/v1/shipments/{shipment}/events", $"/v1/shipments/NO-SUCH-{i}"]);
            bySender.Add(plan);
        }
        return new TradeWorkload(bySender, paths);
    }

    private static PlannedTransaction Executed(ITransaction tx, PrivateKey key) => new(Sign(tx, key), "executed", "");

    private static PlannedTransaction Failed(ITransaction tx, PrivateKey key, string reasonCode) => new(Sign(tx, key), "failed", reasonCode);

    private static SignedTransaction Sign(ITransaction tx, PrivateKey key) => SignedTransaction.Sign(tx, key, TestNetwork.ChainId);
}
