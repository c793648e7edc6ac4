using System.Diagnostics;
using BriOrleans.Sdk;

namespace BriOrleans.Cli.Bench;

/// <summary>What happened to one submission: when it was first tried, and the node's refusal if any.</summary>
internal record struct Submission(long Started, string? Refusal);

/// <summary>
/// Submits the pre-signed transactions with one worker per sender queue, so each sender's nonces arrive in order:
/// one request per transaction (<c>batch</c> 1) or batches of consecutive ones. A full pool or a nonce beyond the
/// node's window is backpressure: the worker waits briefly and tries those transactions again, and their latency
/// still counts from the first try.
/// </summary>
internal sealed class SubmissionRun(BriClient client, PresignedTransaction[][] queues, int batch)
{
    private static readonly TimeSpan s_backoff = TimeSpan.FromMilliseconds(20);

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
            while (waiting.Count > 0)
            {
                var refusals = batch == 1 ? [await SubmitOneAsync(queue[waiting[0]], cancellation)] : await SubmitBatchAsync(queue, waiting, cancellation);
                var again = new List<int>();
                for (var k = 0; k < waiting.Count; k++)
                {
                    if (refusals[k] is "pool_full" or "nonce_too_far_ahead")
                        again.Add(waiting[k]);
                    else
                        results[waiting[k]] = results[waiting[k]] with { Refusal = refusals[k] };
                }
                if (again.Count > 0)
                {
                    Interlocked.Add(ref _retries, again.Count);
                    await Task.Delay(s_backoff, cancellation);
                }
                waiting = again;
            }
            Interlocked.Add(ref _submitted, count);
        }
    }

    /// <summary>Null for an admitted transaction, else the refusal (a bare code for backpressure, to retry).</summary>
    private async Task<string?> SubmitOneAsync(PresignedTransaction tx, CancellationToken cancellation)
    {
        try
        {
            var hash = await client.SubmitAsync(tx.Submission, cancellation);
            return hash == tx.Hash ? null : $"hash_mismatch: the node hashed it {hash}, the bench {tx.Hash}";
        }
        catch (BriApiException e) when (e.Code is "pool_full" or "nonce_too_far_ahead")
        {
            return e.Code;
        }
        catch (BriApiException e)
        {
            return $"{e.Code}: {e.Message}";
        }
    }

    private async Task<string?[]> SubmitBatchAsync(PresignedTransaction[] queue, List<int> indexes, CancellationToken cancellation)
    {
        try
        {
            var answers = await client.SubmitBatchAsync([.. indexes.Select(i => queue[i].Submission)], cancellation);
            return [.. answers.Select((answer, k) => answer switch
            {
                { Hash: { } hash } when hash == queue[indexes[k]].Hash => null,
                { Hash: { } hash } => $"hash_mismatch: the node hashed it {hash}, the bench {queue[indexes[k]].Hash}",
                { ErrorCode: "pool_full" or "nonce_too_far_ahead" } => answer.ErrorCode,
                _ => $"{answer.ErrorCode}: {answer.Message}",
            })];
        }
        catch (BriApiException e)
        {
            return [.. indexes.Select(_ => $"{e.Code}: {e.Message}")];
        }
    }
}
