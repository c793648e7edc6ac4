using System.Collections.Concurrent;
using System.Diagnostics;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Sdk;

namespace BriOrleans.Cli.Bench;

/// <summary>
/// Follows the node's event stream and notes when each receipt arrived, so that the bench learns of executions
/// without polling the node it is loading.
/// </summary>
internal sealed class ExecutionWatch : IAsyncDisposable
{
    private static readonly TimeSpan s_checkInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<Hash256, Arrival> _arrivals = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private ExecutionWatch(BriClient client) => _reading = ReadAsync(client, _stop.Token);

    /// <summary>A receipt and the <see cref="Stopwatch"/> timestamp at which its epoch event arrived.</summary>
    internal readonly record struct Arrival(long Timestamp, Receipt Receipt);

    public static ExecutionWatch Start(BriClient client) => new(client);

    private async Task ReadAsync(BriClient client, CancellationToken cancellation)
    {
        await foreach (var executed in client.EpochsAsync(cancellation))
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var receipt in executed.Receipts)
                _arrivals.TryAdd(receipt.TransactionHash, new Arrival(now, receipt));
        }
    }

    public bool TryGet(Hash256 hash, out Arrival arrival) => _arrivals.TryGetValue(hash, out arrival);

    public int CountOf(IEnumerable<Hash256> hashes) => hashes.Count(_arrivals.ContainsKey);

    /// <summary>
    /// Waits until every one of <paramref name="hashes"/> has a receipt, or until none more arrived for
    /// <paramref name="idleLimit"/>; returns how many are still missing. A broken stream is rethrown.
    /// </summary>
    public async Task<int> WaitForAsync(IReadOnlyCollection<Hash256> hashes, TimeSpan idleLimit, CancellationToken cancellation)
    {
        var seen = -1;
        var lastChange = Stopwatch.GetTimestamp();
        while (true)
        {
            if (_reading.IsCompleted)
                await _reading;
            var count = CountOf(hashes);
            if (count == hashes.Count)
                return 0;
            if (count != seen)
            {
                seen = count;
                lastChange = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastChange) > idleLimit)
            {
                return hashes.Count - count;
            }
            await Task.Delay(s_checkInterval, cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // The reader ends with the cancellation (or already ended with a broken stream that WaitForAsync reported).
        await Task.WhenAny(_reading);
        _ = _reading.Exception;
        _stop.Dispose();
    }
}
