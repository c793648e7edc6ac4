using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriOrleans.GrainHost;

/// <summary>
/// The directory of live activations, at most one per grain id, and the delivery of calls to them.
/// A call to a grain with no activation creates one; a call that meets a deactivating activation
/// waits until it is gone and goes to the next one.
/// </summary>
internal sealed class Catalog(
    GrainClassMap classes,
    GrainStatistics statistics,
    IServiceScopeFactory scopes,
    TimeProvider time,
    GrainHostOptions options,
    ILogger<Catalog> logger)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _phaseLock = new();
    private volatile HostPhase _phase;
    // Set once, when the host starts; calls sent before then fail undelivered and need no timeout.
    private volatile ResponseTimeouts? _timeouts;

    private enum HostPhase
    {
        NotStarted,
        Running,
        Stopping,
        Stopped,
    }

    public GrainClassMap Classes => classes;

    public GrainStatistics Statistics => statistics;

    public IServiceScopeFactory Scopes => scopes;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>The built-in statistics filter, then the registered filters in registration order.</summary>
    public IIncomingGrainCallFilter[] Filters { get; private set; } = [];

    /// <summary>Cancelled when the host starts stopping; handed to OnActivateAsync.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public IEnumerable<ActivationData> Activations => _activations.Values;

    /// <summary>Calls sent since the host started and not yet answered, failed or timed out.</summary>
    public int CallsAwaitingResponse => _timeouts?.Count ?? 0;

    public void Start(IEnumerable<IIncomingGrainCallFilter> filters)
    {
        lock (_phaseLock)
        {
            if (_phase != HostPhase.NotStarted)
                throw new InvalidOperationException($"the grain host cannot start: it is {_phase}");
            Filters = [new GrainCallStatisticsFilter(statistics, time), .. filters];
            _timeouts = new ResponseTimeouts(time, options.ResponseTimeout);
            _timeouts.Start();
            _phase = HostPhase.Running;
        }
    }

    /// <summary>Sends a call; the returned task completes with the call's result, exception or timeout.</summary>
    public Task<object?> Invoke(GrainId grainId, GrainClass grainClass, GrainMethod method, object?[] arguments)
    {
        var call = new GrainCall(grainId, grainClass, method, arguments);
        if (_timeouts is { } timeouts)
            call.AwaitResponse(timeouts);
        Deliver(call);
        return call.Completion;
    }

    public void Deliver(GrainCall call)
    {
        while (!call.IsCompleted)
        {
            if (_phase != HostPhase.Running)
            {
                call.Fail(new InvalidOperationException(_phase == HostPhase.NotStarted
                    ? $"{call} was not delivered: the grain host has not been started"
                    : $"{call} was not delivered: the grain host is {_phase.ToString().ToLowerInvariant()}"));
                return;
            }
            var activation = _activations.GetOrAdd(call.GrainId, static (id, state) =>
                new ActivationData(state.Catalog, id, state.GrainClass), (Catalog: this, call.GrainClass));
            if (activation.TryEnqueue(call))
                return;
            if (!activation.Deactivated.IsCompleted)
            {
                activation.Deactivated.ContinueWith(
                    static (_, state) =>
                    {
                        var (catalog, call) = ((Catalog, GrainCall))state!;
                        catalog.Deliver(call);
                    },
                    (this, call), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return;
            }
        }
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    /// <summary>
    /// Deactivates every current activation whose id matches, each after its current turn, and waits until they are
    /// gone; the next call to one of them activates it afresh from storage.
    /// </summary>
    public async Task DeactivateAsync(Func<GrainId, bool> which, DeactivationReason reason, CancellationToken cancellationToken)
    {
        var batch = _activations.Values.Where(a => which(a.GrainId)).ToArray();
        foreach (var activation in batch)
            activation.Deactivate(reason, cancellationToken);
        await Task.WhenAll(batch.Select(a => a.Deactivated)).WaitAsync(cancellationToken);
    }

    /// <summary>Refuses new calls and deactivates every activation with <c>ShuttingDown</c>, each after its current turn.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_phaseLock)
        {
            if (_phase != HostPhase.Running)
            {
                _phase = HostPhase.Stopped;
                return;
            }
            _phase = HostPhase.Stopping;
        }
        await _stopping.CancelAsync();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the grain host is stopping");
        // Loop: a call delivered just before the phase changed may still have created an activation.
        while (!_activations.IsEmpty)
        {
            var batch = _activations.Values.ToArray();
            foreach (var activation in batch)
                activation.Deactivate(reason, cancellationToken);
            await Task.WhenAll(batch.Select(a => a.Deactivated)).WaitAsync(cancellationToken);
        }
        _timeouts?.Dispose();
        _phase = HostPhase.Stopped;
    }
}
