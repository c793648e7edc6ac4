using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class SiloLifecycleTests
{
    [Fact]
    public async Task Stopping_deactivates_every_activation_with_reason_ShuttingDown()
    {
        await using var host = await TestHost.StartAsync();
        var probes = new[] { "x", "y", "z" }.Select(key => host.Grains.GetGrain<IProbeGrain>(key)).ToArray();
        foreach (var probe in probes)
            await probe.EchoAsync("awake");
        var counter = host.Grains.GetGrain<ICounterGrain>("tally");
        await counter.IncrementAsync();

        await host.Host.StopAsync(CancellationToken.None);

        foreach (var grain in probes.Select(p => p.GetGrainId()).Append(counter.GetGrainId()))
            Assert.Equal([DeactivationReasonCode.ShuttingDown], host.Journal.Deactivations(grain));
        Assert.All(host.Statistics.GrainTypes, t => Assert.Equal(0L, t.CurrentActivations));
    }

    [Fact]
    public async Task A_call_queued_behind_a_turn_when_the_host_stops_fails_instead_of_hanging()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("last-orders");
        var gate = new Gate();
        var held = probe.HoldAsync(gate);
        await gate.Entered;
        var queued = probe.EchoAsync("too late");

        var stopping = host.Host.StopAsync(CancellationToken.None);
        gate.Open();
        await stopping.WithinReasonableTime();

        await held;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => queued.WithinReasonableTime());
        Assert.Contains("stopping", refused.Message);
        Assert.Equal([DeactivationReasonCode.ShuttingDown], host.Journal.Deactivations(probe.GetGrainId()));
    }

    [Fact]
    public async Task Calls_to_a_stopped_host_fail_with_a_clear_message()
    {
        await using var host = await TestHost.StartAsync();
        await host.Host.StopAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Grains.GetGrain<IProbeGrain>("late").EchoAsync("hello"));

        Assert.Contains("stopped", refused.Message);
    }

    [Fact]
    public async Task Calls_before_the_host_starts_fail_with_a_clear_message()
    {
        await using var host = TestHost.Create();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Grains.GetGrain<IProbeGrain>("early").EchoAsync("hello"));

        Assert.Contains("has not been started", refused.Message);
    }

    [Fact]
    public async Task Disposing_a_started_host_stops_it()
    {
        var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("disposed");
        await probe.EchoAsync("hello");
        var journal = host.Journal;

        await host.DisposeAsync();

        Assert.Equal([DeactivationReasonCode.ShuttingDown], journal.Deactivations(probe.GetGrainId()));
    }

    [Fact]
    public async Task A_host_cannot_be_started_twice()
    {
        await using var host = await TestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Host.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Invalid_options_are_refused_at_start_naming_the_option()
    {
        await using var host = TestHost.Create(builder => builder.Configure(o => o.CollectionAge = TimeSpan.Zero));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Host.StartAsync(CancellationToken.None));

        Assert.Contains(nameof(GrainHostOptions.CollectionAge), refused.Message);
    }
}
