using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class IdleCollectionTests
{
    [Fact]
    public async Task Advancing_time_past_the_collection_age_deactivates_idle_grains_but_not_busy_or_recent_ones()
    {
        await using var host = await TestHost.StartAsync(builder => builder.Configure(o => o.ResponseTimeout = Timeout.InfiniteTimeSpan));
        var idle = new[] { host.Grains.GetGrain<IProbeGrain>("idle-1"), host.Grains.GetGrain<IProbeGrain>("idle-2") };
        var recent = host.Grains.GetGrain<IProbeGrain>("recent");
        var busy = host.Grains.GetGrain<IProbeGrain>("busy");
        var recentNumber = await recent.ActivationNumberAsync();
        var busyNumber = await busy.ActivationNumberAsync();
        foreach (var grain in idle)
            await grain.ActivationNumberAsync();
        var gate = new Gate();
        var held = busy.HoldAsync(gate);
        await gate.Entered;

        host.Time.Advance(TestHost.CollectionAge - TimeSpan.FromMinutes(1));
        await recent.EchoAsync("still here");
        host.Time.Advance(TimeSpan.FromMinutes(2));

        foreach (var grain in idle)
        {
            await host.Journal.WhenDeactivated(grain.GetGrainId());
            Assert.Equal([DeactivationReasonCode.ActivationIdle], host.Journal.Deactivations(grain.GetGrainId()));
        }
        gate.Open();
        await held;
        // The collector picks its victims synchronously inside Advance: a picked grain could not answer from its old activation.
        Assert.Equal(recentNumber, await recent.ActivationNumberAsync());
        Assert.Equal(busyNumber, await busy.ActivationNumberAsync());
        Assert.Empty(host.Journal.Deactivations(recent.GetGrainId()));
        Assert.Empty(host.Journal.Deactivations(busy.GetGrainId()));
    }

    [Fact]
    public async Task A_collected_grain_is_activated_again_by_its_next_call_with_its_state()
    {
        await using var host = await TestHost.StartAsync();
        var counter = host.Grains.GetGrain<ICounterGrain>("dormant");
        await counter.IncrementAsync();

        host.Time.Advance(TestHost.CollectionAge + TestHost.CollectionQuantum);
        await host.Journal.WhenDeactivated(counter.GetGrainId());

        Assert.Equal(2, await counter.IncrementAsync());
        Assert.Equal(2, host.Journal.ActivationCount(counter.GetGrainId()));
    }

    [Fact]
    public async Task Idle_time_counts_from_the_end_of_the_last_turn()
    {
        await using var host = await TestHost.StartAsync(builder => builder.Configure(o => o.ResponseTimeout = Timeout.InfiniteTimeSpan));
        var probe = host.Grains.GetGrain<IProbeGrain>("long-turn");
        var gate = new Gate();
        var held = probe.HoldAsync(gate);
        await gate.Entered;
        host.Time.Advance(TestHost.CollectionAge * 2);
        gate.Open();
        await held;
        var number = await probe.ActivationNumberAsync();

        host.Time.Advance(TestHost.CollectionAge - TestHost.CollectionQuantum);
        Assert.Equal(number, await probe.ActivationNumberAsync());
        host.Time.Advance(TestHost.CollectionAge);

        await host.Journal.WhenDeactivated(probe.GetGrainId());
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call_and_queued_calls_go_to_a_new_activation()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("restless");
        var first = await probe.ActivationNumberAsync();

        var request = probe.DeactivateOnIdleAsync();
        var queued = probe.ActivationNumberAsync();
        await request;

        Assert.NotEqual(first, await queued);
        Assert.Equal([DeactivationReasonCode.ApplicationRequested], host.Journal.Deactivations(probe.GetGrainId()));
        Assert.Equal(2, host.Journal.ActivationCount(probe.GetGrainId()));
    }
}
