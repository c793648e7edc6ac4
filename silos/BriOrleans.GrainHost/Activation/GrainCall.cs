namespace BriOrleans.GrainHost;

/// <summary>
/// One call in flight: where it goes, what it carries, and the completion its caller awaits. The
/// response timeout fails the completion; the host then drops the call if it is still queued.
/// </summary>
internal sealed class GrainCall(GrainId grainId, GrainClass grainClass, GrainMethod method, object?[] arguments)
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timeout;

    public GrainId GrainId { get; } = grainId;

    public GrainClass GrainClass { get; } = grainClass;

    public GrainMethod Method { get; } = method;

    public object?[] Arguments { get; } = arguments;

    public Task<object?> Completion => _completion.Task;

    /// <summary>True once the call returned, failed or timed out: nobody waits for it any more.</summary>
    public bool IsCompleted => _completion.Task.IsCompleted;

    public void StartResponseTimeout(TimeProvider time, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
            return;
        var timer = time.CreateTimer(
            static state =>
            {
                var (call, timeout) = ((GrainCall, TimeSpan))state!;
                call._completion.TrySetException(new TimeoutException(
                    $"{call} did not complete within the response timeout of {timeout}: the grain is busy, " +
                    "or the call is part of a cycle (A calls B, B calls A) that waits on itself because grains are not reentrant"));
            },
            (this, timeout), timeout, Timeout.InfiniteTimeSpan);
        Volatile.Write(ref _timeout, timer);
        if (IsCompleted)
            timer.Dispose();
    }

    public void Complete(object? result)
    {
        if (_completion.TrySetResult(result))
            Volatile.Read(ref _timeout)?.Dispose();
    }

    public void Fail(Exception exception)
    {
        if (_completion.TrySetException(exception))
            Volatile.Read(ref _timeout)?.Dispose();
    }

    public override string ToString() => $"call {Method.DisplayName} to grain {GrainId}";
}
