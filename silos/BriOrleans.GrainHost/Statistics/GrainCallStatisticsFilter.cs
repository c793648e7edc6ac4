namespace BriOrleans.GrainHost;

/// <summary>
/// The built-in, outermost incoming-call filter: counts each call and its outcome and measures its
/// latency on the host's <see cref="TimeProvider"/>, registered filters included.
/// </summary>
internal sealed class GrainCallStatisticsFilter(GrainStatistics statistics, TimeProvider time) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var call = (IncomingGrainCallContext)context;
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            await context.Invoke();
            failed = false;
        }
        finally
        {
            statistics.OnCall(context.TargetId.Type, call.Method, time.GetElapsedTime(started), failed);
        }
    }
}
