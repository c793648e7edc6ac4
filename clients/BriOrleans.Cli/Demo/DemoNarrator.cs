using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Sdk;
using BriOrleans.Transactions;

namespace BriOrleans.Cli.Demo;

/// <summary>Sends the story's transactions through the SDK and tells, one line each, what the ledger made of them.</summary>
internal sealed class DemoNarrator(BriClient client, TextWriter output)
{
    public int Executed { get; private set; }
    public int RefusedAsExpected { get; private set; }

    /// <summary>Sends and waits; the ledger must execute it.</summary>
    public async Task<Receipt> DoAsync(string line, PrivateKey key, Func<Address, ulong, ITransaction> build)
    {
        var receipt = await SendAsync(key, build);
        if (receipt.Status != TransactionStatus.Executed)
            throw new DemoFailedException($"{line}: the ledger refused it: {receipt.ReasonCode}: {receipt.Message}");
        Executed++;
        output.WriteLine($"  ✔ {line}  (epoch {receipt.Epoch})");
        return receipt;
    }

    /// <summary>Sends and waits; the ledger must refuse it with <paramref name="reason"/> (a rule at work).</summary>
    public async Task RefusedAsync(string line, string reason, PrivateKey key, Func<Address, ulong, ITransaction> build)
    {
        var receipt = await SendAsync(key, build);
        if (receipt.Status != TransactionStatus.Failed || receipt.ReasonCode != reason)
            throw new DemoFailedException($"{line}: expected the ledger to refuse it with {reason}, got {receipt.Status} {receipt.ReasonCode}");
        RefusedAsExpected++;
        output.WriteLine($"  ✘ {line}  refused as it must be: {receipt.ReasonCode}");
    }

    /// <summary>Several independent transactions at once, each of which must execute.</summary>
    public async Task AllAsync(IEnumerable<(string Line, PrivateKey Key, Func<Address, ulong, ITransaction> Build)> steps)
    {
        var sent = steps.Select(async s => (s.Line, Receipt: await SendAsync(s.Key, s.Build))).ToList();
        foreach (var (line, receipt) in await Task.WhenAll(sent))
        {
            if (receipt.Status != TransactionStatus.Executed)
                throw new DemoFailedException($"{line}: the ledger refused it: {receipt.ReasonCode}: {receipt.Message}");
            Executed++;
            output.WriteLine($"  ✔ {line}  (epoch {receipt.Epoch})");
        }
    }

    public void Chapter(string title) => output.WriteLine($"\n{title}");

    private async Task<Receipt> SendAsync(PrivateKey key, Func<Address, ulong, ITransaction> build)
    {
        var template = build(key.Address, 0);
        var kind = TransactionCatalog.Of(template);
        var fields = kind.ToTypedData(template, 1).Message.DeepClone().AsObject();
        fields.Remove("from");
        fields.Remove("nonce");
        var result = await client.SendAsync(kind, key, fields, wait: true);
        return result.Receipt ?? throw new DemoFailedException($"no receipt for {result.Hash}");
    }
}

/// <summary>The demo met something other than the story expects.</summary>
internal sealed class DemoFailedException(string message) : Exception(message);
