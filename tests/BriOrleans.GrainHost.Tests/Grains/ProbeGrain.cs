using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests.Grains;

public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>The number the journal gave this activation.</summary>
    Task<int> ActivationNumberAsync();

    Task<string> EchoAsync(string text);

    Task HoldAsync(Gate gate);

    Task FailAsync(Exception exception);

    Task<int> FailSynchronouslyAsync(Exception exception);

    Task DeactivateOnIdleAsync();

    /// <summary>Blocks its thread until the other party arrives: only parallel turns can pass.</summary>
    Task<bool> MeetAsync(Barrier barrier);
}

/// <summary>A grain that reports its lifecycle to the journal and does small things on request.</summary>
public sealed class ProbeGrain(GrainJournal journal) : Grain, IProbeGrain
{
    private int _activationNumber;
    private bool _activated;

    public bool ActivatedBeforeFirstCall => _activated;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        _activationNumber = journal.Activated(this.GetGrainId());
        _activated = true;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Deactivated(this.GetGrainId(), reason);
        return Task.CompletedTask;
    }

    public Task<int> ActivationNumberAsync() =>
        _activated ? Task.FromResult(_activationNumber) : throw new InvalidOperationException("called before OnActivateAsync finished");

    public Task<string> EchoAsync(string text) => Task.FromResult(text);

    public Task HoldAsync(Gate gate) => gate.PassAsync();

    public async Task FailAsync(Exception exception)
    {
        await Task.Yield();
        throw exception;
    }

    public Task<int> FailSynchronouslyAsync(Exception exception) => throw exception;

    public Task DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<bool> MeetAsync(Barrier barrier) => Task.FromResult(barrier.SignalAndWait(TimeSpan.FromSeconds(20)));
}
