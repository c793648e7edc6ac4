namespace BriOrleans.GrainHost;

/// <summary>Calls of one grain interface method ("IShipmentGrain.ShipAsync") on one grain type.</summary>
public sealed record GrainMethodStatistics(string GrainType, string Method, long Calls, long Errors, TimeSpan TotalLatency)
{
    public TimeSpan AverageLatency => Calls == 0 ? TimeSpan.Zero : TotalLatency / Calls;
}
