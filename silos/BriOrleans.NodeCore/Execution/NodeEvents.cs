using System.Threading.Channels;
using BriOrleans.Chain;

namespace BriOrleans.NodeCore.Execution;

/// <summary>
/// Publishes each executed epoch to subscribers (the API's event feed). A subscriber that falls behind loses its
/// oldest undelivered epochs rather than slowing execution down.
/// </summary>
public sealed class NodeEvents
{
    private const int SubscriberBuffer = 1024;
    private readonly Lock _lock = new();
    private readonly List<Channel<EpochExecution>> _subscribers = [];

    public void Publish(EpochExecution execution)
    {
        lock (_lock)
            foreach (var subscriber in _subscribers)
                subscriber.Writer.TryWrite(execution);
    }

    /// <summary>Epochs executed from now on, until <paramref name="cancellation"/> fires.</summary>
    public async IAsyncEnumerable<EpochExecution> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        var channel = Channel.CreateBounded<EpochExecution>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
            _subscribers.Add(channel);
        try
        {
            await foreach (var execution in channel.Reader.ReadAllAsync(cancellation))
                yield return execution;
        }
        finally
        {
            lock (_lock)
                _subscribers.Remove(channel);
        }
    }
}
