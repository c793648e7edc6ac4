using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BriOrleans.GrainHost;

/// <summary>
/// The grain host's lifetime (Orleans' Silo). Start it (directly or as the hosted service it is registered as)
/// before calling grains; stopping it refuses new calls and deactivates every activation with
/// <see cref="DeactivationReasonCode.ShuttingDown"/> after its current turn. A stopped host does not restart.
/// </summary>
public sealed class Silo : IHostedService, IAsyncDisposable
{
    private readonly Catalog _catalog;
    private readonly IEnumerable<IIncomingGrainCallFilter> _filters;
    private readonly IServiceProviderIsKeyedService _services;
    private readonly TimeProvider _time;
    private readonly GrainHostOptions _options;
    private ActivationCollector? _collector;

    internal Silo(
        Catalog catalog,
        IEnumerable<IIncomingGrainCallFilter> filters,
        IServiceProviderIsKeyedService services,
        TimeProvider time,
        GrainHostOptions options)
    {
        _catalog = catalog;
        _filters = filters;
        _services = services;
        _time = time;
        _options = options;
    }

    /// <summary>Calls sent and not yet answered, failed or timed out (each fails after the response timeout).</summary>
    public int CallsAwaitingResponse => _catalog.CallsAwaitingResponse;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _options.Validate();
        foreach (var grainClass in _catalog.Classes.Classes)
        {
            foreach (var state in grainClass.States)
            {
                if (!_services.IsKeyedService(typeof(IGrainStorage), state.StorageName))
                    throw new InvalidOperationException(
                        $"{grainClass.Type.Name} keeps state '{state.StateName}' in grain storage '{state.StorageName}', which is not registered; " +
                        $"add it with AddMemoryGrainStorage(\"{state.StorageName}\") or AddGrainStorage");
            }
        }
        _catalog.Start(_filters);
        _collector = new ActivationCollector(_catalog, _time, _options);
        _collector.Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Deactivates the activations whose id matches <paramref name="which"/> (reason: application request) and waits
    /// for them, as after storage was rolled back underneath them: their next call reads the state afresh.
    /// </summary>
    public Task DeactivateAsync(Func<GrainId, bool> which, string why, CancellationToken cancellationToken = default) =>
        _catalog.DeactivateAsync(which, new DeactivationReason(DeactivationReasonCode.ApplicationRequested, why), cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        await _catalog.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
