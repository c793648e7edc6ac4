namespace BriOrleans.GrainHost;

/// <summary>
/// Deactivates activations idle for at least the collection age. It looks every collection quantum,
/// on a timer from the host's <see cref="TimeProvider"/>, so an activation goes between one age and
/// one age plus one quantum after its last turn. A busy activation is never collected.
/// </summary>
internal sealed class ActivationCollector(Catalog catalog, TimeProvider time, GrainHostOptions options) : IDisposable
{
    private ITimer? _timer;

    public void Start() =>
        _timer = time.CreateTimer(
            static state => ((ActivationCollector)state!).CollectIdle(), this, options.CollectionQuantum, options.CollectionQuantum);

    public void Dispose() => _timer?.Dispose();

    private void CollectIdle()
    {
        var now = time.GetTimestamp();
        var collected = catalog.Activations.Count(activation => activation.TryCollectIfIdle(now, options.CollectionAge));
        if (collected > 0)
            GrainHostLog.IdleActivationsCollected(catalog.Logger, collected);
    }
}
