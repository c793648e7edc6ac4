using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Turns_of_one_activation_never_overlap_under_many_concurrent_callers()
    {
        await using var host = await TestHost.StartAsync();
        const int callers = 32;
        const int callsEach = 50;

        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var grain = host.Grains.GetGrain<ITurnGrain>("contended");
            for (var i = 0; i < callsEach; i++)
                await grain.TakeTurnAsync();
        }))).WithinReasonableTime();

        var (turns, overlaps) = await host.Grains.GetGrain<ITurnGrain>("contended").GetTalliesAsync();
        Assert.Equal(0, overlaps);
        Assert.Equal(callers * callsEach, turns);
    }

    [Fact]
    public async Task Calls_to_different_grains_run_in_parallel()
    {
        await using var host = await TestHost.StartAsync();
        using var barrier = new Barrier(2);

        // Each turn blocks its thread until the other turn arrives: serialized turns could not both pass.
        var met = await Task.WhenAll(
            host.Grains.GetGrain<IProbeGrain>("left").MeetAsync(barrier),
            host.Grains.GetGrain<IProbeGrain>("right").MeetAsync(barrier)).WithinReasonableTime();

        Assert.Equal([true, true], met);
    }

    [Fact]
    public async Task A_grain_can_call_another_grain_and_use_its_result()
    {
        await using var host = await TestHost.StartAsync();

        var pings = await host.Grains.GetGrain<IRelayGrain>("a").ForwardAsync(["b", "c"], null);

        Assert.Equal(1, pings);
        Assert.Equal(1, await host.Grains.GetGrain<IRelayGrain>("c").GetPingsAsync());
        Assert.Equal(0, await host.Grains.GetGrain<IRelayGrain>("b").GetPingsAsync());
    }

    [Fact]
    public async Task Every_Task_like_return_type_carries_its_result_back()
    {
        await using var host = await TestHost.StartAsync();
        var grain = host.Grains.GetGrain<IReturnShapesGrain>(5);

        await grain.RecordAsync("task");
        await grain.RecordValueAsync("value task");

        Assert.Equal("value task", await grain.LastAsync());
        Assert.Equal(2, await grain.CountValueAsync());
        Assert.Equal(new DateOnly(2025, 3, 1), await grain.EchoAsync(new DateOnly(2025, 3, 1)));
        Assert.Null(await grain.EchoAsync<string?>(null));
    }

    [Fact]
    public async Task An_exception_thrown_by_a_grain_reaches_the_caller_unchanged()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("faulty");
        var afterAwait = new ArgumentException("bad shipment id");
        var beforeAwait = new FormatException("bad amount");

        Assert.Same(afterAwait, await Assert.ThrowsAsync<ArgumentException>(() => probe.FailAsync(afterAwait)));
        Assert.Same(beforeAwait, await Assert.ThrowsAsync<FormatException>(() => probe.FailSynchronouslyAsync(beforeAwait)));
        Assert.Equal("still serving", await probe.EchoAsync("still serving"));
    }

    [Fact]
    public async Task A_call_that_outlives_the_response_timeout_fails_with_TimeoutException()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("slow");
        var gate = new Gate();

        var held = probe.HoldAsync(gate);
        await gate.Entered;
        host.Time.Advance(TestHost.ResponseTimeout);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => held.WithinReasonableTime());
        Assert.Contains("IProbeGrain.HoldAsync", timeout.Message);
        gate.Open();
        Assert.Equal("free again", await probe.EchoAsync("free again"));
    }

    [Fact]
    public async Task A_call_fails_no_sooner_than_its_response_timeout()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("patient");
        var gate = new Gate();

        var held = probe.HoldAsync(gate);
        await gate.Entered;
        host.Time.Advance(TestHost.ResponseTimeout - TimeSpan.FromSeconds(1));
        Assert.False(held.IsCompleted);
        Assert.Equal(1, host.Host.CallsAwaitingResponse);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => held.WithinReasonableTime());
        Assert.Equal(0, host.Host.CallsAwaitingResponse);
        gate.Open();
    }

    [Fact]
    public async Task A_call_that_completes_stops_awaiting_its_response_at_once()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("quick");

        Assert.Equal("answered", await probe.EchoAsync("answered"));
        await Assert.ThrowsAsync<FormatException>(() => probe.FailAsync(new FormatException("bad amount")));

        // Nothing is held until a sweep: the list of calls awaiting a response is empty without the clock moving.
        Assert.Equal(0, host.Host.CallsAwaitingResponse);
    }

    [Fact]
    public async Task A_call_that_timed_out_while_queued_is_dropped_instead_of_run_later()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("backlog");
        var first = new Gate();
        var second = new Gate();

        var running = probe.HoldAsync(first);
        await first.Entered;
        var queued = probe.HoldAsync(second);
        host.Time.Advance(TestHost.ResponseTimeout);
        await Assert.ThrowsAsync<TimeoutException>(() => queued.WithinReasonableTime());
        await Assert.ThrowsAsync<TimeoutException>(() => running.WithinReasonableTime());

        first.Open();
        // Had the host run the dropped call, it would hold the grain at the closed second gate and this would never answer.
        Assert.Equal("next", await probe.EchoAsync("next").WithinReasonableTime());
    }

    [Fact]
    public async Task A_call_cycle_fails_with_TimeoutException_instead_of_hanging()
    {
        await using var host = await TestHost.StartAsync();
        var a = host.Grains.GetGrain<IRelayGrain>("a");

        // a calls b, b calls a: non-reentrant a waits for itself until the response timeout.
        var cycle = a.ForwardAsync(["b", "a"], null);
        await host.WhenCallsAwaitResponse(3); // test->a, a->b and b->a
        host.Time.Advance(TestHost.ResponseTimeout);

        await Assert.ThrowsAsync<TimeoutException>(() => cycle.WithinReasonableTime());
        // The cycle is broken: a answers again. Its queued b->a call ran or was dropped, depending on which timeout won.
        Assert.InRange(await a.GetPingsAsync().WithinReasonableTime(), 0, 1);
    }
}
