using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Node.Tests.Hosting;

namespace BriOrleans.Node.Tests.Crash;

/// <summary>
/// Sends a <see cref="TradeWorkload"/> to a node until every transaction has a receipt, across the node's deaths.
/// Registrations go first; then per sender it keeps a few transactions in flight, in nonce order. After a restart
/// it sends again whatever has no receipt yet (the pool is memory only). It remembers every receipt, and the record
/// of every epoch holding one, exactly as the node first reported them, and checks that any later answer is identical.
/// </summary>
public sealed class WorkloadDriver(TradeWorkload workload)
{
    private const int InFlightPerSender = 3;
    private static readonly TimeSpan s_idle = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<Hash256, string> _receipts = [];
    private readonly SortedDictionary<ulong, string> _epochs = [];

    public int ReportedReceipts => _receipts.Count;

    public int ReportedEpochs => _epochs.Count;

    public bool Done => _receipts.Count == workload.Transactions.Count;

    /// <summary>The receipt as reported, parsed.</summary>
    public JsonObject ReceiptOf(Hash256 hash) => JsonNode.Parse(_receipts[hash])!["receipt"]!.AsObject();

    /// <summary>
    /// One life of a node: first checks that it serves everything reported before identically, then drives the
    /// workload until done or until <paramref name="lifeEnded"/> fires (the node is about to be killed). After
    /// <paramref name="submissions"/> accepted submissions it calls <paramref name="spent"/> and sends nothing
    /// more, only waits for receipts. True when every transaction has its receipt; false when the life ended first.
    /// </summary>
    public async Task<bool> RunAsync(NodeApi api, CancellationToken lifeEnded, int submissions = int.MaxValue, Action? spent = null)
    {
        try
        {
            await VerifyReportedAsync(api, lifeEnded);
            await DriveAsync(api, submissions, spent ?? (() => { }), lifeEnded);
            return true;
        }
        catch (Exception e) when (lifeEnded.IsCancellationRequested && e is OperationCanceledException or HttpRequestException or IOException)
        {
            return false;
        }
    }

    /// <summary>Every receipt and epoch record reported so far must be served byte for byte as it was first.</summary>
    public async Task VerifyReportedAsync(NodeApi api, CancellationToken cancellation = default)
    {
        foreach (var (hash, text) in _receipts)
            await VerifyAsync(api, $"/v1/transactions/{hash}", text, cancellation);
        foreach (var (epoch, text) in _epochs)
            await VerifyAsync(api, $"/v1/epochs/{epoch}", text, cancellation);
    }

    private async Task DriveAsync(NodeApi api, int submissions, Action spent, CancellationToken lifeEnded)
    {
        var awaiting = new HashSet<Hash256>();
        var accepted = 0;
        while (!Done)
        {
            var progressed = false;
            // Traders name each other as consignees, so their transactions wait for every registration.
            var registered = workload.BySender[0].All(t => _receipts.ContainsKey(t.Hash));
            foreach (var sender in registered ? workload.BySender : workload.BySender.Take(1))
            {
                var inFlight = sender.Count(t => awaiting.Contains(t.Hash));
                foreach (var planned in sender.Where(t => !_receipts.ContainsKey(t.Hash) && !awaiting.Contains(t.Hash)))
                {
                    if (inFlight >= InFlightPerSender || accepted >= submissions)
                        break;
                    var answer = await api.SubmitAsync(planned.Signed, TestNetwork.ChainId, lifeEnded);
                    // Each nonce has one transaction in the plan: a used nonce means this one executed in an earlier life.
                    if (answer.Status != HttpStatusCode.Accepted && answer.ErrorCode != "nonce_too_old")
                        throw new InvalidOperationException($"{planned.Signed.Kind} nonce {planned.Signed.Transaction.Nonce} was refused: {answer}");
                    if (answer.Status == HttpStatusCode.Accepted && ++accepted == submissions)
                        spent();
                    progressed = true;
                    awaiting.Add(planned.Hash);
                    inFlight++;
                }
            }
            foreach (var hash in awaiting.ToList())
            {
                var answer = await api.GetAsync($"/v1/transactions/{hash}", lifeEnded);
                if (answer.Status == HttpStatusCode.OK && answer.Body!["receipt"] is JsonObject receipt)
                {
                    await RecordAsync(api, hash, answer.Text, (ulong)receipt["epoch"]!, lifeEnded);
                    awaiting.Remove(hash);
                    progressed = true;
                }
                else if (answer.Status != HttpStatusCode.OK)
                    throw new InvalidOperationException($"transaction {hash}, accepted or executed, is unknown to the node: {answer}");
            }
            if (!progressed)
                await Task.Delay(s_idle, lifeEnded);
        }
    }

    private async Task RecordAsync(NodeApi api, Hash256 hash, string text, ulong epoch, CancellationToken cancellation)
    {
        if (_receipts.TryGetValue(hash, out var reported))
            Assert.Equal(reported, text);
        else
            _receipts[hash] = text;
        if (_epochs.ContainsKey(epoch))
            return;
        var record = await api.GetAsync($"/v1/epochs/{epoch}", cancellation);
        Assert.True(record.Status == HttpStatusCode.OK, $"epoch {epoch} of a reported receipt is not served: {record}");
        _epochs[epoch] = record.Text;
    }

    private static async Task VerifyAsync(NodeApi api, string path, string reported, CancellationToken cancellation)
    {
        var answer = await api.GetAsync(path, cancellation);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Text == reported,
            $"GET {path} was reported as\n{reported}\nand is now\n{answer}");
    }
}
