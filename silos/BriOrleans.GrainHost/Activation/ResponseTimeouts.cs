namespace BriOrleans.GrainHost;

/// <summary>
/// The calls awaiting their response, and the response timeout that fails those that wait too long. With one timeout
/// for every call, the order calls start in is the order of their deadlines: they join a list at its tail and leave it
/// when they complete, and a timer looks every tenth of the timeout and fails the calls at the head whose deadline
/// has passed (Orleans sweeps its callbacks the same way). A call therefore fails between one timeout and one timeout
/// plus a tenth after it started, and no call costs a timer of its own.
/// </summary>
internal sealed class ResponseTimeouts(TimeProvider time, TimeSpan timeout) : IDisposable
{
    private readonly Lock _lock = new();
    private GrainCall? _head;
    private GrainCall? _tail;
    private int _count;
    private ITimer? _sweep;

    private bool Expires => timeout != Timeout.InfiniteTimeSpan;

    /// <summary>Calls sent and not yet answered, failed or timed out.</summary>
    public int Count
    {
        get { lock (_lock) return _count; }
    }

    public void Start()
    {
        if (!Expires)
            return;
        var quantum = TimeSpan.FromTicks(Math.Max(timeout.Ticks / 10, TimeSpan.TicksPerMillisecond));
        _sweep = time.CreateTimer(static state => ((ResponseTimeouts)state!).Sweep(), this, quantum, quantum);
    }

    /// <summary>Starts <paramref name="call"/>'s wait for its response; it leaves by <see cref="Remove"/> when it completes.</summary>
    public void Add(GrainCall call)
    {
        var deadline = Expires ? time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency) : long.MaxValue;
        lock (_lock)
        {
            call.Deadline = deadline;
            call.Previous = _tail;
            call.Next = null;
            if (_tail is null)
                _head = call;
            else
                _tail.Next = call;
            _tail = call;
            call.AwaitsResponse = true;
            _count++;
        }
    }

    public void Remove(GrainCall call)
    {
        lock (_lock)
            Unlink(call);
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        List<GrainCall>? expired = null;
        lock (_lock)
        {
            while (_head is { } call && call.Deadline <= now)
            {
                Unlink(call);
                (expired ??= []).Add(call);
            }
        }
        // Outside the lock: failing a call runs no continuation inline, but its caller's code should never hold up others.
        if (expired is not null)
            foreach (var call in expired)
                call.TimeOut(timeout);
    }

    private void Unlink(GrainCall call)
    {
        if (!call.AwaitsResponse)
            return;
        if (call.Previous is null)
            _head = call.Next;
        else
            call.Previous.Next = call.Next;
        if (call.Next is null)
            _tail = call.Previous;
        else
            call.Next.Previous = call.Previous;
        call.Previous = call.Next = null;
        call.AwaitsResponse = false;
        _count--;
    }

    public void Dispose() => _sweep?.Dispose();
}
