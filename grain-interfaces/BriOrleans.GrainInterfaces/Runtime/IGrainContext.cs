namespace BriOrleans.Runtime;

/// <summary>One activation of a grain as the host sees it: identity, instance, services and deactivation.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>The grain object, or null while it is being constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>The activation's own service scope: scoped services live as long as the activation.</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Completes once the activation is deactivated and a new call would create a new one.</summary>
    Task Deactivated { get; }

    /// <summary>Deactivates the activation once its current turn, if any, completes.</summary>
    void Deactivate(DeactivationReason reason, CancellationToken cancellationToken = default);
}
