namespace BriOrleans.GrainHost.Tests.Infrastructure;

/// <summary>Holds a grain method inside its turn: the grain signals <see cref="Entered"/> and waits for <see cref="Open"/>.</summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task.WithinReasonableTime();

    public void Open() => _opened.TrySetResult();

    /// <summary>Called by the grain.</summary>
    public async Task PassAsync()
    {
        _entered.TrySetResult();
        await _opened.Task;
    }
}
