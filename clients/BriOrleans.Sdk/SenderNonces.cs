using BriOrleans.Crypto;

namespace BriOrleans.Sdk;

/// <summary>
/// The next nonce of each key a <see cref="BriClient"/> sends for. Concurrent sends from one key would all read the
/// same <c>pendingNonce</c> from the node and collide, so the node is asked once per sender and the counter then
/// advances locally. A refused submission forgets the sender's counter: the next send starts again from the
/// node's view, which fills the gap the refused nonce left.
/// </summary>
internal sealed class SenderNonces
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Address, ulong> _next = [];

    /// <summary>Takes the sender's next nonce, asking <paramref name="fromNode"/> when the sender is new or forgotten.</summary>
    public async Task<ulong> TakeAsync(Address sender, Func<Address, CancellationToken, Task<ulong>> fromNode, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (!_next.TryGetValue(sender, out var nonce))
                nonce = await fromNode(sender, cancellation).ConfigureAwait(false);
            _next[sender] = nonce + 1;
            return nonce;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Forget(Address sender)
    {
        _gate.Wait();
        try
        {
            _next.Remove(sender);
        }
        finally
        {
            _gate.Release();
        }
    }
}
