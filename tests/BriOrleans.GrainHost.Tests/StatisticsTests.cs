using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public async Task Statistics_count_activations_calls_and_errors_per_grain_type_and_method()
    {
        await using var host = await TestHost.StartAsync();
        foreach (var key in new[] { "a", "a", "a", "b", "b" })
            await host.Grains.GetGrain<IProbeGrain>(key).EchoAsync(key);
        for (var i = 0; i < 2; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => host.Grains.GetGrain<IProbeGrain>("c").FailAsync(new InvalidOperationException()));

        var running = host.Statistics.For("probe");
        await host.Host.StopAsync(CancellationToken.None);
        var stopped = host.Statistics.For("probe");

        Assert.Equal((3L, 3L, 7L, 2L), (running.CurrentActivations, running.TotalActivations, running.Calls, running.Errors));
        Assert.Equal(
            [("IProbeGrain.EchoAsync", 5L, 0L), ("IProbeGrain.FailAsync", 2L, 2L)],
            running.Methods.Select(m => (m.Method, m.Calls, m.Errors)));
        Assert.Equal((0L, 3L), (stopped.CurrentActivations, stopped.TotalActivations));
        Assert.Equal(0L, host.Statistics.For("counter").Calls);
    }

    [Fact]
    public async Task Statistics_measure_latency_per_method_on_the_host_clock()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("timed");
        var gate = new Gate();
        var held = probe.HoldAsync(gate);
        await gate.Entered;
        host.Time.Advance(TimeSpan.FromSeconds(6));
        gate.Open();
        await held;
        await probe.EchoAsync("instant");
        await probe.EchoAsync("instant");

        var snapshot = host.Statistics;
        var probeType = snapshot.For("probe");

        Assert.Equal(TimeSpan.FromSeconds(6), probeType.TotalLatency);
        Assert.Equal(TimeSpan.FromSeconds(2), probeType.AverageLatency);
        Assert.Equal("IProbeGrain.HoldAsync", Assert.Single(snapshot.SlowestMethods(1)).Method);
        Assert.Equal(TimeSpan.FromSeconds(6), snapshot.SlowestMethods(1)[0].AverageLatency);
        Assert.Equal("IProbeGrain.EchoAsync", Assert.Single(snapshot.BusiestMethods(1)).Method);
    }

    [Fact]
    public async Task A_snapshot_lists_every_registered_grain_type_in_name_order_and_does_not_change_afterwards()
    {
        await using var host = await TestHost.StartAsync();
        var before = host.Statistics;

        await host.Grains.GetGrain<IProbeGrain>("later").EchoAsync("x");

        Assert.Equal(before.GrainTypes.Select(t => t.GrainType).Order(StringComparer.Ordinal), before.GrainTypes.Select(t => t.GrainType));
        Assert.Contains("probe", before.GrainTypes.Select(t => t.GrainType));
        Assert.Equal(0L, before.For("probe").Calls);
        Assert.Equal(1L, host.Statistics.For("probe").Calls);
    }
}
