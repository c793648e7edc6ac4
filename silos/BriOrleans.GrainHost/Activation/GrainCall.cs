namespace BriOrleans.GrainHost;

/// <summary>
/// One call in flight: where it goes, what it carries, and the completion its caller awaits. While it awaits its
/// response it is on the host's <see cref="ResponseTimeouts"/>, whose timeout fails the completion; the host then
/// drops the call if it is still queued.
/// </summary>
internal sealed class GrainCall(GrainId grainId, GrainClass grainClass, GrainMethod method, object?[] arguments)
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ResponseTimeouts? _timeouts;

    public GrainId GrainId { get; } = grainId;

    public GrainClass GrainClass { get; } = grainClass;

    public GrainMethod Method { get; } = method;

    public object?[] Arguments { get; } = arguments;

    public Task<object?> Completion => _completion.Task;

    /// <summary>True once the call returned, failed or timed out: nobody waits for it any more.</summary>
    public bool IsCompleted => _completion.Task.IsCompleted;

    // The place of the call on its ResponseTimeouts list, guarded by the list's lock.
    internal GrainCall? Previous { get; set; }
    internal GrainCall? Next { get; set; }
    internal long Deadline { get; set; }
    internal bool AwaitsResponse { get; set; }

    /// <summary>Puts the call on <paramref name="timeouts"/> until it completes; called once, before it is delivered.</summary>
    public void AwaitResponse(ResponseTimeouts timeouts)
    {
        _timeouts = timeouts;
        timeouts.Add(this);
    }

    public void Complete(object? result)
    {
        if (_completion.TrySetResult(result))
            _timeouts?.Remove(this);
    }

    public void Fail(Exception exception)
    {
        if (_completion.TrySetException(exception))
            _timeouts?.Remove(this);
    }

    /// <summary>Fails the call for outliving <paramref name="timeout"/>; the sweep already took it off the list.</summary>
    public void TimeOut(TimeSpan timeout) =>
        _completion.TrySetException(new TimeoutException(
            $"{this} did not complete within the response timeout of {timeout}: the grain is busy, " +
            "or the call is part of a cycle (A calls B, B calls A) that waits on itself because grains are not reentrant"));

    public override string ToString() => $"call {Method.DisplayName} to grain {GrainId}";
}
