using Microsoft.Extensions.DependencyInjection;

namespace BriOrleans.GrainHost;

/// <summary>
/// One activation of a grain: a mailbox of calls processed one turn at a time. A turn is a call's
/// whole asynchronous execution, awaits included; the next call starts only after it completes
/// (non-reentrant, as Orleans grains are by default). Every piece of the activation's code — the
/// constructor, OnActivateAsync, filters, grain methods and their continuations, OnDeactivateAsync —
/// runs on the activation's own exclusive task scheduler, so grain code is also single-threaded
/// within a turn (unless it leaves the scheduler with ConfigureAwait(false) or Task.Run).
/// </summary>
internal sealed class ActivationData : IGrainContext
{
    private readonly Catalog _catalog;
    private readonly Lock _lock = new();
    private readonly Queue<GrainCall> _mailbox = new();
    private readonly ActivationScheduler _scheduler = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Guarded by _lock. Invariant: a non-empty mailbox or a pending deactivation has a pump scheduled.
    private ActivationStatus _status = ActivationStatus.Created;
    private bool _pumpScheduled;
    private PendingDeactivation? _pending;
    private long _idleSince;

    // Written by the pump only.
    private AsyncServiceScope? _scope;
    private IGrainBase? _grain;
    private IIncomingGrainCallFilter[] _filters = [];

    public ActivationData(Catalog catalog, GrainId grainId, GrainClass grainClass)
    {
        _catalog = catalog;
        GrainId = grainId;
        GrainClass = grainClass;
        _idleSince = catalog.Time.GetTimestamp();
    }

    private enum ActivationStatus
    {
        Created,
        Activating,
        Valid,
        Deactivating,
        Invalid,
    }

    public GrainId GrainId { get; }

    public GrainClass GrainClass { get; }

    public object? GrainInstance => _grain;

    public IServiceProvider ActivationServices =>
        _scope?.ServiceProvider ?? throw new InvalidOperationException($"grain {GrainId} has no services before it is activated");

    public Task Deactivated => _deactivated.Task;

    /// <summary>Queues a call; false when the activation is deactivating and the call must wait for the next one.</summary>
    public bool TryEnqueue(GrainCall call)
    {
        lock (_lock)
        {
            if (_status >= ActivationStatus.Deactivating || _pending is not null)
                return false;
            _mailbox.Enqueue(call);
            if (_pumpScheduled)
                return true;
            _pumpScheduled = true;
        }
        SchedulePump();
        return true;
    }

    public void Deactivate(DeactivationReason reason, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_status >= ActivationStatus.Deactivating || _pending is not null)
                return;
            _pending = new PendingDeactivation(reason, cancellationToken);
            if (_pumpScheduled)
                return;
            _pumpScheduled = true;
        }
        SchedulePump();
    }

    /// <summary>Starts deactivating if the activation has no work and has been idle for at least <paramref name="age"/>.</summary>
    public bool TryCollectIfIdle(long now, TimeSpan age)
    {
        lock (_lock)
        {
            if (_status != ActivationStatus.Valid || _pumpScheduled || _pending is not null)
                return false;
            if (_catalog.Time.GetElapsedTime(_idleSince, now) < age)
                return false;
            _pending = new PendingDeactivation(
                new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"idle for at least {age}"), CancellationToken.None);
            _pumpScheduled = true;
        }
        SchedulePump();
        return true;
    }

    private void SchedulePump() =>
        Task.Factory.StartNew(
            static state => ((ActivationData)state!).PumpAsync(),
            this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);

    private async Task PumpAsync()
    {
        try
        {
            if (_status == ActivationStatus.Created && !await ActivateAsync())
                return;

            GrainCall? call;
            PendingDeactivation? deactivation;
            lock (_lock)
                (call, deactivation) = TakeNextLocked();
            while (call is not null)
            {
                var (result, error) = await RunTurnAsync(call);
                GrainCall? next;
                lock (_lock)
                {
                    _idleSince = _catalog.Time.GetTimestamp();
                    (next, deactivation) = TakeNextLocked();
                }
                // Completed after the bookkeeping, so a caller that sees the result sees an idle activation.
                if (error is null)
                    call.Complete(result);
                else
                    call.Fail(error);
                call = next;
            }
            if (deactivation is { } pending)
                await DeactivateAsync(pending);
        }
        catch (Exception exception)
        {
            // Only a defect of the host itself gets here; fail what waits rather than leave it hanging.
            GrainHostLog.ActivationBroken(_catalog.Logger, GrainId, exception);
            await RetireAsync(exception);
        }
    }

    private (GrainCall? Call, PendingDeactivation? Deactivation) TakeNextLocked()
    {
        if (_pending is { } pending)
        {
            _status = ActivationStatus.Deactivating;
            return (null, pending);
        }
        while (_mailbox.TryDequeue(out var call))
        {
            if (!call.IsCompleted)
                return (call, null);
        }
        _pumpScheduled = false;
        return (null, null);
    }

    private async Task<bool> ActivateAsync()
    {
        bool abandoned;
        lock (_lock)
        {
            abandoned = _pending is not null;
            _status = abandoned ? ActivationStatus.Invalid : ActivationStatus.Activating;
        }
        if (abandoned)
        {
            // Asked to deactivate before it ever ran (e.g. the host is stopping): nothing to undo.
            await RetireAsync(failure: null);
            return false;
        }

        try
        {
            _scope = _catalog.Scopes.CreateAsyncScope();
            var (grain, states) = GrainClass.Create(this, _scope.Value.ServiceProvider);
            _grain = grain;
            _filters = grain is IIncomingGrainCallFilter own ? [.. _catalog.Filters, own] : _catalog.Filters;
            foreach (var state in states)
                await state.ReadStateAsync();
            await grain.OnActivateAsync(_catalog.Stopping);
        }
        catch (Exception exception)
        {
            GrainHostLog.ActivationFailed(_catalog.Logger, GrainId, exception);
            await RetireAsync(exception);
            return false;
        }

        lock (_lock)
        {
            _status = ActivationStatus.Valid;
            _idleSince = _catalog.Time.GetTimestamp();
        }
        _catalog.Statistics.OnActivated(GrainClass.GrainType);
        return true;
    }

    private async Task<(object? Result, Exception? Error)> RunTurnAsync(GrainCall call)
    {
        var context = new IncomingGrainCallContext(_grain!, call, _filters);
        try
        {
            await context.Invoke();
            return (context.Result, null);
        }
        catch (Exception exception)
        {
            if (exception is InconsistentStateException)
            {
                // This activation's view of its state is stale: let the next call read it afresh.
                Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, exception,
                    "a state write met an ETag conflict"));
            }
            return (null, exception);
        }
    }

    private async Task DeactivateAsync(PendingDeactivation pending)
    {
        try
        {
            await _grain!.OnDeactivateAsync(pending.Reason, pending.CancellationToken);
        }
        catch (Exception exception)
        {
            GrainHostLog.DeactivationFailed(_catalog.Logger, GrainId, pending.Reason.ReasonCode, exception);
        }
        _catalog.Statistics.OnDeactivated(GrainClass.GrainType);
        await RetireAsync(failure: null);
    }

    /// <summary>
    /// Ends the activation: releases the grain and its scope, leaves the catalog, and either fails
    /// the calls still queued (activation failed) or hands them to the next activation.
    /// </summary>
    private async Task RetireAsync(Exception? failure)
    {
        GrainCall[] queued;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            queued = [.. _mailbox];
            _mailbox.Clear();
        }
        await ReleaseAsync();
        _catalog.Remove(this);
        // Before signalling Deactivated: queued calls go ahead of those waiting for it, and a
        // stopping host sees them settled before it reports itself stopped.
        foreach (var call in queued)
        {
            if (failure is null)
                _catalog.Deliver(call);
            else
                call.Fail(failure);
        }
        _deactivated.TrySetResult();
    }

    private async Task ReleaseAsync()
    {
        try
        {
            switch (_grain)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
            if (_scope is { } scope)
                await scope.DisposeAsync();
        }
        catch (Exception exception)
        {
            GrainHostLog.ReleaseFailed(_catalog.Logger, GrainId, exception);
        }
    }

    private sealed record PendingDeactivation(DeactivationReason Reason, CancellationToken CancellationToken);
}
