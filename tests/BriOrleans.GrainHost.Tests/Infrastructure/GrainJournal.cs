namespace BriOrleans.GrainHost.Tests.Infrastructure;

/// <summary>What test grains report about themselves: activations, deactivations, entered methods.</summary>
public sealed class GrainJournal
{
    private readonly Lock _lock = new();
    private readonly List<(GrainId Grain, int Number)> _activations = [];
    private readonly List<(GrainId Grain, DeactivationReason Reason)> _deactivations = [];
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Records an activation and returns its number, unique within the journal.</summary>
    public int Activated(GrainId grain)
    {
        lock (_lock)
        {
            _activations.Add((grain, _activations.Count + 1));
            WakeLocked();
            return _activations.Count;
        }
    }

    public void Deactivated(GrainId grain, DeactivationReason reason)
    {
        lock (_lock)
        {
            _deactivations.Add((grain, reason));
            WakeLocked();
        }
    }

    public int ActivationCount(GrainId grain)
    {
        lock (_lock)
            return _activations.Count(a => a.Grain == grain);
    }

    public IReadOnlyList<DeactivationReasonCode> Deactivations(GrainId grain)
    {
        lock (_lock)
            return [.. _deactivations.Where(d => d.Grain == grain).Select(d => d.Reason.ReasonCode)];
    }

    public int DeactivationCount()
    {
        lock (_lock)
            return _deactivations.Count;
    }

    /// <summary>Completes once <paramref name="grain"/> has been deactivated <paramref name="times"/> times.</summary>
    public Task WhenDeactivated(GrainId grain, int times = 1) =>
        When(() => _deactivations.Count(d => d.Grain == grain) >= times);

    private Task When(Func<bool> condition)
    {
        lock (_lock)
        {
            if (condition())
                return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, signal));
            return signal.Task.WithinReasonableTime();
        }
    }

    private void WakeLocked()
    {
        foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
        {
            _waiters.Remove(waiter);
            waiter.Signal.SetResult();
        }
    }
}
