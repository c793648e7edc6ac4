using System.Collections.Immutable;

namespace BriOrleans.GrainHost;

/// <summary>Activations and calls of one grain type since the host started; methods ordered by name.</summary>
public sealed record GrainTypeStatistics(
    string GrainType,
    string GrainClass,
    long CurrentActivations,
    long TotalActivations,
    long Calls,
    long Errors,
    TimeSpan TotalLatency,
    ImmutableArray<GrainMethodStatistics> Methods)
{
    public TimeSpan AverageLatency => Calls == 0 ? TimeSpan.Zero : TotalLatency / Calls;
}
