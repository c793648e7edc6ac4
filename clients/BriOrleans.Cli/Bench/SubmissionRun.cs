using System.Diagnostics;
using System.Globalization;
using BriOrleans.Crypto;
using BriOrleans.Sdk;
using BriOrleans.Sdk.Api;

namespace BriOrleans.Cli.Bench;

/// <summary>What happened to one submission: when it was first tried, and the node's refusal if any.</summary>
internal record struct Submission(long Started, string? Refusal);

/// <summary>
/// Submits the pre-signed transactions with one worker per sender queue, so each sender's nonces arrive in order:
/// one request per transaction (<c>batch</c> 1) or batches of consecutive ones. A full pool or a nonce beyond the
/// node's window is backpressure: the worker waits and tries those transactions again, waiting twice as long each
/// time nothing was admitted (up to <see cref="MaxBackoff"/>), and their latency still counts from the first try. A
/// request that admitted none of them for <paramref name="giveUpAfter"/> ends the retries: those transactions are
/// refused with the node's last answer, so a stuck node cannot hang the run.
/// </summary>
internal sealed class SubmissionRun(BriClient client, PresignedTransaction[][] queues, int batch, TimeSpan giveUpAfter)
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest wait between tries of a request of which nothing was admitted.</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(320);

    private int _submitted;
    private int _retries;

    public Submission[][] Results { get; } = [.. queues.Select(q => new Submission[q.Length])];

    public int Submitted => Volatile.Read(ref _submitted);

    public int Retries => Volatile.Read(ref _retries);

    public Task RunAsync(CancellationToken cancellation) =>
        Task.WhenAll(queues.Select((queue, s) => Task.Run(() => SubmitQueueAsync(queue, Results[s], cancellation), cancellation)));

    private async Task SubmitQueueAsync(PresignedTransaction[] queue, Submission[] results, CancellationToken cancellation)
    {
        for (var first = 0; first < queue.Length; first += batch)
        {
            var count = Math.Min(batch, queue.Length - first);
            var started = Stopwatch.GetTimestamp();
            for (var i = first; i < first + count; i++)
                results[i] = new Submission(started, null);
            var waiting = Enumerable.Range(first, count).ToList();
            var lastProgress = started;
            var backoff = s_firstBackoff;
            while (waiting.Count > 0)
            {
                var answers = batch == 1 ? [await SubmitOneAsync(queue[waiting[0]], cancellation)] : await SubmitBatchAsync(queue, waiting, cancellation);
                var again = new List<int>();
                for (var k = 0; k < waiting.Count; k++)
                {
                    if (answers[k].ErrorCode is "pool_full" or "nonce_too_far_ahead")
                        again.Add(waiting[k]);
                    else
                        results[waiting[k]] = results[waiting[k]] with { Refusal = RefusalOf(answers[k], queue[waiting[k]].Hash) };
                }
                if (again.Count < waiting.Count)
                {
                    lastProgress = Stopwatch.GetTimestamp();
                    backoff = s_firstBackoff;
                }
                else if (Stopwatch.GetElapsedTime(lastProgress) >= giveUpAfter)
                {
                    for (var k = 0; k < waiting.Count; k++)
                        results[waiting[k]] = results[waiting[k]] with
                        {
                            Refusal = RefusalOf(answers[k], queue[waiting[k]].Hash) +
                                string.Create(CultureInfo.InvariantCulture, $" (still refused after {giveUpAfter.TotalSeconds:0.#} s of retries)"),
                        };
                    break;
                }
                if (again.Count > 0)
                {
                    Interlocked.Add(ref _retries, again.Count);
                    await Task.Delay(backoff, cancellation);
                    if (again.Count == waiting.Count)
                        backoff = TimeSpan.FromTicks(Math.Min(2 * backoff.Ticks, MaxBackoff.Ticks));
                }
                waiting = again;
            }
            Interlocked.Add(ref _submitted, count);
        }
    }

    /// <summary>Null for a transaction admitted under the hash the bench computed, else what went wrong.</summary>
    private static string? RefusalOf(SubmissionResult answer, Hash256 expected) => answer.Hash switch
    {
        { } hash when hash == expected => null,
        { } hash => $"hash_mismatch: the node hashed it {hash}, the bench {expected}",
        null => $"{answer.ErrorCode}: {answer.Message}",
    };

    private async Task<SubmissionResult> SubmitOneAsync(PresignedTransaction tx, CancellationToken cancellation)
    {
        try
        {
            return new SubmissionResult(await client.SubmitAsync(tx.Submission, cancellation), null, null);
        }
        catch (BriApiException e)
        {
            return new SubmissionResult(null, e.Code, e.Message);
        }
    }

    private async Task<IReadOnlyList<SubmissionResult>> SubmitBatchAsync(PresignedTransaction[] queue, List<int> indexes, CancellationToken cancellation)
    {
        try
        {
            return await client.SubmitBatchAsync([.. indexes.Select(i => queue[i].Submission)], cancellation);
        }
        catch (BriApiException e)
        {
            // The whole batch was refused: each of its transactions carries the refusal.
            return [.. indexes.Select(_ => new SubmissionResult(null, e.Code, e.Message))];
        }
    }
}
