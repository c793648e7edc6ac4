using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests.Grains;

public interface IRelayGrain : IGrainWithStringKey
{
    /// <summary>Passes the call along the route (grain keys) and counts a ping at its end.</summary>
    Task<int> ForwardAsync(string[] route, Gate? atEachHop);

    Task<int> GetPingsAsync();
}

/// <summary>Calls other grains from inside a grain, which is how call cycles are built.</summary>
public sealed class RelayGrain : Grain, IRelayGrain
{
    private int _pings;

    public async Task<int> ForwardAsync(string[] route, Gate? atEachHop)
    {
        if (route.Length == 0)
            return ++_pings;
        if (atEachHop is not null)
            await atEachHop.PassAsync();
        return await GrainFactory.GetGrain<IRelayGrain>(route[0]).ForwardAsync(route[1..], null);
    }

    public Task<int> GetPingsAsync() => Task.FromResult(_pings);
}
