using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests.Grains;

public interface IFragileActivationGrain : IGrainWithStringKey
{
    Task<int> ActivationNumberAsync();
}

/// <summary>Tells the grain whether its next activation should fail.</summary>
public sealed class ActivationSwitch
{
    public Exception? FailWith { get; set; }
}

/// <summary>A grain whose OnActivateAsync throws while the switch says so.</summary>
public sealed class FragileActivationGrain(GrainJournal journal, ActivationSwitch activationSwitch) : Grain, IFragileActivationGrain
{
    private int _activation;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (activationSwitch.FailWith is { } failure)
            throw failure;
        _activation = journal.Activated(this.GetGrainId());
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        journal.Deactivated(this.GetGrainId(), reason);
        return Task.CompletedTask;
    }

    public Task<int> ActivationNumberAsync() => Task.FromResult(_activation);
}
