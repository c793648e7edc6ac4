namespace BriOrleans.GrainHost;

/// <summary>Timeouts and idle collection of the grain host (Orleans' ResponseTimeout and GrainCollectionOptions).</summary>
public sealed class GrainHostOptions
{
    /// <summary>
    /// How long a caller waits for a grain call before it fails with <see cref="TimeoutException"/>,
    /// measured from the call, queueing and activation included. Grains are not reentrant, so a call
    /// cycle (A calls B, B calls A) waits for this long and then fails instead of hanging forever.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for at least this long is deactivated with <c>ActivationIdle</c>.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        if (ResponseTimeout <= TimeSpan.Zero && ResponseTimeout != Timeout.InfiniteTimeSpan)
            throw new InvalidOperationException($"{nameof(ResponseTimeout)} must be positive or infinite, got {ResponseTimeout}");
        if (CollectionAge <= TimeSpan.Zero)
            throw new InvalidOperationException($"{nameof(CollectionAge)} must be positive, got {CollectionAge}");
        if (CollectionQuantum <= TimeSpan.Zero)
            throw new InvalidOperationException($"{nameof(CollectionQuantum)} must be positive, got {CollectionQuantum}");
    }
}
