using System.Collections.Immutable;

namespace BriOrleans.GrainHost;

/// <summary>
/// Statistics of every registered grain type at one moment, ordered by grain type. Counters are read
/// one by one while calls continue, so a snapshot is exact only when the host is quiet.
/// </summary>
public sealed record GrainStatisticsSnapshot(ImmutableArray<GrainTypeStatistics> GrainTypes)
{
    public GrainTypeStatistics For(string grainType) =>
        GrainTypes.FirstOrDefault(t => t.GrainType == grainType)
        ?? throw new KeyNotFoundException($"no grain type '{grainType}' is registered");

    /// <summary>The methods with the most calls, ties broken by grain type and method name.</summary>
    public ImmutableArray<GrainMethodStatistics> BusiestMethods(int count) =>
        [.. AllMethods().OrderByDescending(m => m.Calls).ThenBy(m => m.GrainType, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal).Take(count)];

    /// <summary>The methods with the highest average latency, ties broken by grain type and method name.</summary>
    public ImmutableArray<GrainMethodStatistics> SlowestMethods(int count) =>
        [.. AllMethods().OrderByDescending(m => m.AverageLatency).ThenBy(m => m.GrainType, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal).Take(count)];

    private IEnumerable<GrainMethodStatistics> AllMethods() => GrainTypes.SelectMany(t => t.Methods);
}
