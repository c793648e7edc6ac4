using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace BriOrleans.GrainHost;

/// <summary>
/// Per grain type counters for the dashboard: activations (from the catalog) and calls, errors and
/// latency per method, overloads together (from the built-in incoming-call filter). <see cref="GetSnapshot"/> copies them
/// into immutable records.
/// </summary>
public sealed class GrainStatistics
{
    private readonly Dictionary<string, TypeCounters> _types;

    internal GrainStatistics(GrainClassMap classes) =>
        _types = classes.Classes.ToDictionary(c => c.GrainType, c => new TypeCounters(c.GrainType, c.Type.FullName ?? c.Type.Name));

    public GrainStatisticsSnapshot GetSnapshot() =>
        new([.. _types.Values.OrderBy(t => t.GrainType, StringComparer.Ordinal).Select(t => t.Snapshot())]);

    internal void OnActivated(string grainType)
    {
        var counters = _types[grainType];
        Interlocked.Increment(ref counters.CurrentActivations);
        Interlocked.Increment(ref counters.TotalActivations);
    }

    internal void OnDeactivated(string grainType) => Interlocked.Decrement(ref _types[grainType].CurrentActivations);

    internal void OnCall(string grainType, GrainMethod method, TimeSpan latency, bool failed)
    {
        var counters = _types[grainType];
        counters.Total.Add(latency, failed);
        counters.Methods.GetOrAdd(method.DisplayName, static name => new CallCounters(name))
            .Add(latency, failed);
    }

    private sealed class TypeCounters(string grainType, string grainClass)
    {
        public long CurrentActivations;
        public long TotalActivations;

        public string GrainType { get; } = grainType;

        public CallCounters Total { get; } = new(grainType);

        public ConcurrentDictionary<string, CallCounters> Methods { get; } = new();

        public GrainTypeStatistics Snapshot() => new(
            GrainType,
            grainClass,
            Interlocked.Read(ref CurrentActivations),
            Interlocked.Read(ref TotalActivations),
            Interlocked.Read(ref Total.Calls),
            Interlocked.Read(ref Total.Errors),
            TimeSpan.FromTicks(Interlocked.Read(ref Total.LatencyTicks)),
            [.. Methods.Values.Select(m => m.Snapshot(GrainType)).OrderBy(m => m.Method, StringComparer.Ordinal)]);
    }

    private sealed class CallCounters(string name)
    {
        public long Calls;
        public long Errors;
        public long LatencyTicks;

        public void Add(TimeSpan latency, bool failed)
        {
            Interlocked.Increment(ref Calls);
            if (failed)
                Interlocked.Increment(ref Errors);
            Interlocked.Add(ref LatencyTicks, latency.Ticks);
        }

        public GrainMethodStatistics Snapshot(string grainType) => new(
            grainType, name, Interlocked.Read(ref Calls), Interlocked.Read(ref Errors),
            TimeSpan.FromTicks(Interlocked.Read(ref LatencyTicks)));
    }
}
