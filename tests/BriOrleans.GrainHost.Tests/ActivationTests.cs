using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task A_grain_is_activated_by_its_first_call_and_not_by_getting_a_reference()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("first");

        Assert.Equal(0, host.Journal.ActivationCount(probe.GetGrainId()));
        await probe.EchoAsync("hello");
        Assert.Equal(1, host.Journal.ActivationCount(probe.GetGrainId()));
    }

    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        await using var host = await TestHost.StartAsync();
        var calls = new Task<int>[200];

        Parallel.For(0, calls.Length, i => calls[i] = host.Grains.GetGrain<IProbeGrain>("crowded").ActivationNumberAsync());
        var numbers = await Task.WhenAll(calls).WithinReasonableTime();

        Assert.Single(numbers.Distinct());
        Assert.Equal(1, host.Journal.ActivationCount(GrainId.Create("probe", "crowded")));
    }

    [Fact]
    public async Task OnActivateAsync_completes_before_the_first_call_runs()
    {
        await using var host = await TestHost.StartAsync();
        var probe = host.Grains.GetGrain<IProbeGrain>("patient");

        // ProbeGrain yields inside OnActivateAsync and throws from ActivationNumberAsync if that has not finished.
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => probe.ActivationNumberAsync()));

        Assert.All(numbers, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_failing_OnActivateAsync_fails_the_queued_calls_and_leaves_no_activation()
    {
        await using var host = await TestHost.StartAsync();
        var failure = new InvalidOperationException("ledger unavailable");
        host.Services.GetRequiredService<ActivationSwitch>().FailWith = failure;
        var grain = host.Grains.GetGrain<IFragileActivationGrain>("fragile");

        var attempts = Enumerable.Range(0, 5).Select(_ => grain.ActivationNumberAsync()).ToArray();
        foreach (var attempt in attempts)
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => attempt));
        Assert.Equal(0, host.Statistics.For("fragileactivation").CurrentActivations);

        host.Services.GetRequiredService<ActivationSwitch>().FailWith = null;
        Assert.Equal(1, await grain.ActivationNumberAsync());
        Assert.Equal(0, host.Journal.DeactivationCount());
    }

    [Fact]
    public async Task String_integer_and_guid_keys_address_distinct_activations()
    {
        await using var host = await TestHost.StartAsync();
        var first = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var second = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

        var byString = await Task.WhenAll(
            host.Grains.GetGrain<IStringKeyedGrain>("1").IdentifyAsync(),
            host.Grains.GetGrain<IStringKeyedGrain>("2").IdentifyAsync());
        var byInteger = await Task.WhenAll(
            host.Grains.GetGrain<IIntegerKeyedGrain>(1).IdentifyAsync(),
            host.Grains.GetGrain<IIntegerKeyedGrain>(-7).IdentifyAsync());
        var byGuid = await Task.WhenAll(
            host.Grains.GetGrain<IGuidKeyedGrain>(first).IdentifyAsync(),
            host.Grains.GetGrain<IGuidKeyedGrain>(second).IdentifyAsync());

        Assert.Equal(["1", "2"], byString.Select(r => r.Key));
        Assert.Equal([1L, -7L], byInteger.Select(r => r.Key));
        Assert.Equal([first, second], byGuid.Select(r => r.Key));
        var activations = byString.Select(r => r.Activation)
            .Concat(byInteger.Select(r => r.Activation))
            .Concat(byGuid.Select(r => r.Activation));
        Assert.Equal(6, activations.Distinct().Count());
        Assert.Equal(byInteger[0], await host.Grains.GetGrain<IIntegerKeyedGrain>(1).IdentifyAsync());
    }

    [Fact]
    public async Task A_grain_reference_carries_the_grain_id_and_equal_references_name_the_same_grain()
    {
        await using var host = await TestHost.StartAsync();

        var reference = host.Grains.GetGrain<IStringKeyedGrain>("shipment-7");

        Assert.Equal(GrainId.Create("stringkeyed", "shipment-7"), reference.GetGrainId());
        Assert.Equal("shipment-7", reference.GetPrimaryKeyString());
        Assert.Equal(42L, host.Grains.GetGrain<IIntegerKeyedGrain>(42).GetPrimaryKeyLong());
        Assert.Equal(reference, host.Grains.GetGrain<IStringKeyedGrain>("shipment-7"));
        Assert.NotEqual(reference, host.Grains.GetGrain<IStringKeyedGrain>("shipment-8"));
        var misuse = Assert.Throws<InvalidOperationException>(() => reference.GetPrimaryKeyLong());
        Assert.Contains("stringkeyed/shipment-7", misuse.Message);
    }

    [Fact]
    public async Task A_class_implementing_IGrainBase_is_hosted_without_deriving_from_Grain()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.Parse("3d7a2b7e-2f2c-4a43-9a8c-000000000001");

        Assert.Equal(key, await host.Grains.GetGrain<IPlainGrain>(key).KeyAsync());
    }

    [Fact]
    public void Constructing_a_grain_outside_the_host_is_refused_with_the_way_to_get_one()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new TurnGrain());

        Assert.Contains("IGrainFactory.GetGrain", refused.Message);
    }
}
