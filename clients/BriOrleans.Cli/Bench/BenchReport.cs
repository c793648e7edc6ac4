using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BriOrleans.Ledger;

namespace BriOrleans.Cli.Bench;

/// <summary>
/// The bench's figures: executed transactions per second from the first submission to the last execution,
/// submit→executed latency percentiles, failures, and throughput relative to one core's signature recoveries.
/// </summary>
internal sealed record BenchReport(
    int Transactions, int Executed, int Refused, int FailedReceipts, int Missing, double Seconds, double P50Ms, double P99Ms,
    double RecoveriesPerSecond, string? FirstProblem)
{
    public int Failed => Refused + FailedReceipts + Missing;

    public double Tps => Seconds > 0 ? Executed / Seconds : 0;

    public double Ratio => Tps / RecoveriesPerSecond;

    /// <summary>Transactions per submission request.</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Transactions executed before the measured ones, not counted in any figure.</summary>
    public int Warmup { get; init; }

    public static BenchReport Compile(PresignedTransaction[][] queues, Submission[][] submissions, ExecutionWatch watch, double recoveriesPerSecond)
    {
        var latencies = new List<double>();
        long? firstSubmission = null;
        long? lastExecution = null;
        int refused = 0, failedReceipts = 0, missing = 0;
        string? firstProblem = null;
        for (var s = 0; s < queues.Length; s++)
        {
            for (var i = 0; i < queues[s].Length; i++)
            {
                var submission = submissions[s][i];
                firstSubmission = Math.Min(firstSubmission ?? submission.Started, submission.Started);
                if (submission.Refusal is not null)
                {
                    refused++;
                    firstProblem ??= $"refused: {submission.Refusal}";
                }
                else if (!watch.TryGet(queues[s][i].Hash, out var arrival))
                {
                    missing++;
                    firstProblem ??= $"transaction {queues[s][i].Hash} was admitted but not executed";
                }
                else if (arrival.Receipt.Status != TransactionStatus.Executed)
                {
                    failedReceipts++;
                    firstProblem ??= $"failed: {arrival.Receipt.ReasonCode}: {arrival.Receipt.Message}";
                }
                else
                {
                    latencies.Add(Stopwatch.GetElapsedTime(submission.Started, arrival.Timestamp).TotalMilliseconds);
                    lastExecution = Math.Max(lastExecution ?? arrival.Timestamp, arrival.Timestamp);
                }
            }
        }
        var seconds = firstSubmission is { } start && lastExecution is { } end ? Stopwatch.GetElapsedTime(start, end).TotalSeconds : 0;
        latencies.Sort();
        return new BenchReport(queues.Sum(q => q.Length), latencies.Count, refused, failedReceipts, missing, seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), recoveriesPerSecond, firstProblem);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    public IEnumerable<string> Lines()
    {
        yield return Invariant($"executed {Executed}/{Transactions} in {Seconds:0.00} s: {Tps:0.0} transactions/s (first submission to last execution)");
        yield return Invariant($"latency submit→executed: p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms");
        yield return Invariant($"failed {Failed}: {Refused} refused, {FailedReceipts} failed receipts, {Missing} not executed") +
            (FirstProblem is null ? "" : $"; first: {FirstProblem}");
        yield return Invariant($"secp256k1 recoveries on one core: {RecoveriesPerSecond:0}/s; transactions/s per recovery/s: {Ratio:0.0000}");
    }

    public JsonObject ToJson() => new()
    {
        ["tps"] = Math.Round(Tps, 1),
        ["p50_ms"] = Math.Round(P50Ms, 1),
        ["p99_ms"] = Math.Round(P99Ms, 1),
        ["recover_per_core_per_s"] = Math.Round(RecoveriesPerSecond),
        ["ratio"] = Math.Round(Ratio, 6),
        ["transactions"] = Transactions,
        ["failed"] = Failed,
        ["batch"] = Batch,
        ["warmup"] = Warmup,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
