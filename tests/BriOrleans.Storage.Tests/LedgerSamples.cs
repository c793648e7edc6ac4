using System.Text;
using BriOrleans.Transactions;

namespace BriOrleans.Storage.Tests;

/// <summary>Deterministic blocks, transactions and receipts for storage tests: keys and hashes derived from labels.</summary>
internal static class LedgerSamples
{
    public static PrivateKey Validator { get; } = PrivateKey.FromHex("0x" + new string('3', 64));

    public static PrivateKey Sender { get; } = PrivateKey.FromHex("0x" + new string('2', 64));

    public static Hash256 Hash(string label) => Keccak.Hash(Encoding.UTF8.GetBytes(label));

    /// <summary>A signed block at <paramref name="height"/> carrying <paramref name="transactions"/> custody acceptances.</summary>
    public static Block Block(ulong height, Hash256 parent, int transactions, string label = "")
    {
        var txs = Enumerable.Range(0, transactions)
            .Select(i => SignedTransaction.Sign(new AcceptCustody(Sender.Address, height * 1000 + (ulong)i, $"S-{label}{height}-{i}"), Sender, TestDatabase.ChainId))
            .ToArray();
        return BriOrleans.Ledger.Block.Produce(TestDatabase.ChainId, parent, height, 1_700_000_000_000 + height, [Hash($"referee-{label}{height}")],
            txs, Hash($"state-{height}"), Hash($"receipts-{height}"), Validator);
    }

    /// <summary>A chain of blocks, each the parent of the next.</summary>
    public static IReadOnlyList<Block> Chain(int length, int transactionsEach = 2, string label = "")
    {
        var blocks = new List<Block>();
        var parent = Hash("genesis");
        for (var h = 1; h <= length; h++)
        {
            var block = Block((ulong)h, parent, transactionsEach, label);
            blocks.Add(block);
            parent = block.Id;
        }
        return blocks;
    }

    public static Receipt Receipt(ulong epoch, int position, bool failed = false, string label = "") => new(
        Hash($"tx-{label}{epoch}-{position}"), "accept-custody", Sender.Address, epoch * 1000 + (ulong)position, Hash($"block-{epoch}"), epoch, position,
        failed ? TransactionStatus.Failed : TransactionStatus.Executed, failed ? "not-custodian" : "", failed ? "the sender does not hold custody" : "",
        1_700_000_000_000 + epoch);
}
