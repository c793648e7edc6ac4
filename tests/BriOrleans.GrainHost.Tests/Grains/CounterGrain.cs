using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string?> GetEtagAsync();

    Task ClearAsync();

    Task DeactivateOnIdleAsync();
}

/// <summary>Persisted counter state.</summary>
public sealed class CounterState
{
    public int Count { get; set; }
}

/// <summary>A counter kept in persistent state, written on every change.</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, GrainJournal journal)
    : Grain, ICounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        journal.Activated(this.GetGrainId());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Deactivated(this.GetGrainId(), reason);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);

    public Task<string?> GetEtagAsync() => Task.FromResult(counter.Etag);

    public Task ClearAsync() => counter.ClearStateAsync();

    public Task DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
