namespace BriOrleans.Runtime;

/// <summary>
/// Base class of grain classes. The host constructs grains (constructor parameters come from
/// dependency injection and <see cref="PersistentStateAttribute"/>), calls <see cref="OnActivateAsync"/>
/// before the first call, runs one call at a time, and calls <see cref="OnDeactivateAsync"/> when the
/// activation is collected, asked to deactivate, or the host stops. The primary key is read with
/// <c>this.GetPrimaryKeyString()</c> and its siblings (<see cref="GrainExtensions"/>).
/// </summary>
public abstract class Grain : IGrainBase
{
    protected Grain()
        : this(RuntimeContext.Current ?? throw new InvalidOperationException(
            "a grain is created by the grain host when it is first called; get a reference from IGrainFactory.GetGrain instead of constructing it"))
    {
    }

    protected Grain(IGrainContext grainContext)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        GrainContext = grainContext;
    }

    public IGrainContext GrainContext { get; }

    /// <summary>The grain id as text ("type/key"), for logs.</summary>
    public string IdentityString => GrainContext.GrainId.ToString();

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    protected IGrainFactory GrainFactory =>
        ServiceProvider.GetService(typeof(IGrainFactory)) as IGrainFactory
        ?? throw new InvalidOperationException("no IGrainFactory is registered with the grain host");

    /// <summary>Deactivates this activation after the current call completes; the next call creates a new one.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, $"{nameof(DeactivateOnIdle)} was called."));

    /// <summary>Runs once per activation, after persistent state was read and before the first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is deactivated (not when its activation failed).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
