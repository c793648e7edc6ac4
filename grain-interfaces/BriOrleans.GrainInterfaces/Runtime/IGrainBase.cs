namespace BriOrleans.Runtime;

/// <summary>What the host needs of a grain class; <see cref="Grain"/> implements it.</summary>
public interface IGrainBase : IAddressable
{
    IGrainContext GrainContext { get; }

    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
