using System.Diagnostics;
using BriOrleans.Sdk;

namespace BriOrleans.Cli.Bench;

/// <summary>What happened to one submission: when it was first tried, and the node's refusal if any.</summary>
internal record struct Submission(long Started, string? Refusal);

/// <summary>
/// Submits the pre-signed transactions with one worker per sender queue, so each sender's nonces arrive in order.
/// A full pool or a nonce beyond the node's window is backpressure: the worker waits briefly and tries again, and
/// the latency still counts from the first try.
/// </summary>
internal sealed class SubmissionRun(BriClient client, PresignedTransaction[][] queues)
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
        for (var i = 0; i < queue.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            results[i] = new Submission(started, await SubmitAsync(queue[i], cancellation));
            Interlocked.Increment(ref _submitted);
        }
    }

    private async Task<string?> SubmitAsync(PresignedTransaction tx, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                var hash = await client.SubmitAsync(tx.TypedData, tx.Signature, cancellation);
                return hash == tx.Hash ? null : $"hash_mismatch: the node hashed it {hash}, the bench {tx.Hash}";
            }
            catch (BriApiException e) when (e.Code is "pool_full" or "nonce_too_far_ahead")
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(s_backoff, cancellation);
            }
            catch (BriApiException e)
            {
                return $"{e.Code}: {e.Message}";
            }
        }
    }
}
