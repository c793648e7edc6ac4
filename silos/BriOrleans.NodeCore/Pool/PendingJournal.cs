using System.Threading.Channels;
using BriOrleans.Crypto;
using BriOrleans.Storage;
using BriOrleans.Transactions;
using Microsoft.Extensions.Hosting;

namespace BriOrleans.NodeCore.Pool;

/// <summary>
/// Makes accepted transactions durable before the API answers 202: each admission waits for its transaction to be
/// written to the store's pending table, and concurrent admissions share one database transaction (group commit),
/// so a crash never loses a transaction the node acknowledged. Executed ones leave the table after their epoch.
/// </summary>
public sealed class PendingJournal(ILedgerStore store) : BackgroundService
{
    private readonly Channel<(Hash256 Hash, byte[] Encoded, TaskCompletionSource Written)> _queue =
        Channel.CreateUnbounded<(Hash256, byte[], TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    // Writes not yet durable, by transaction: a duplicate submission waits for the original's write.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Hash256, Task> _inFlight = new();

    /// <summary>Completes once <paramref name="tx"/> is durably stored as pending.</summary>
    public Task RecordAsync(SignedTransaction tx)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[tx.Hash] = written.Task;
        if (!_queue.Writer.TryWrite((tx.Hash, tx.ToRlp().Encode(), written)))
        {
            _inFlight.TryRemove(tx.Hash, out _);
            throw new InvalidOperationException("the pending journal is stopped");
        }
        return written.Task;
    }

    /// <summary>
    /// Completes once a transaction recorded earlier is durable: at once when its write already finished (or it
    /// was never recorded here), else with that write — so a duplicate is acknowledged no sooner than the original.
    /// </summary>
    public Task WhenRecordedAsync(Hash256 hash) => _inFlight.TryGetValue(hash, out var write) ? write : Task.CompletedTask;

    public Task ForgetAsync(IEnumerable<Hash256> hashes) => store.RemovePendingAsync(hashes);

    /// <summary>The stored pending transactions, decoded for <paramref name="chainId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<SignedTransaction>> LoadAsync(ulong chainId) =>
        [.. (await store.LoadPendingAsync()).Select(p => SignedTransaction.FromRlp(CanonicalEncoding.Rlp.Decode(p.Encoded), chainId))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Hash256 Hash, byte[] Encoded, TaskCompletionSource Written)>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (_queue.Reader.TryRead(out var item))
                    batch.Add(item);
                try
                {
                    await store.SavePendingAsync([.. batch.Select(b => (b.Hash, b.Encoded))], stoppingToken);
                    foreach (var item in batch)
                    {
                        _inFlight.TryRemove(item.Hash, out _);
                        item.Written.TrySetResult();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Each waiting admission fails with the cause; the journal keeps serving the next ones.
                    foreach (var item in batch)
                    {
                        _inFlight.TryRemove(item.Hash, out _);
                        item.Written.TrySetException(e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var item in batch)
                item.Written.TrySetCanceled(stoppingToken);
        }
    }
}
