using BriOrleans.GrainHost.Tests.Grains;
using BriOrleans.GrainHost.Tests.Infrastructure;

namespace BriOrleans.GrainHost.Tests;

public sealed class FilterTests
{
    /// <summary>What the filters of one test saw, in order.</summary>
    public sealed class FilterTrace
    {
        private readonly Lock _lock = new();
        private readonly List<string> _entries = [];

        public IReadOnlyList<string> Entries
        {
            get
            {
                lock (_lock)
                    return [.. _entries];
            }
        }

        public void Add(string entry)
        {
            lock (_lock)
                _entries.Add(entry);
        }
    }

    /// <summary>A class-based filter registered first.</summary>
    public sealed class OuterFilter(FilterTrace trace) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            trace.Add($"outer before {context.MethodName}");
            await context.Invoke();
            trace.Add($"outer after {context.Result}");
        }
    }

    [Fact]
    public async Task Filters_run_in_registration_order_around_the_grain_method()
    {
        var trace = new FilterTrace();
        await using var host = await TestHost.StartAsync(builder =>
        {
            builder.Services.AddSingleton(trace);
            builder.AddIncomingGrainCallFilter<OuterFilter>()
                .AddIncomingGrainCallFilter(async context =>
                {
                    trace.Add($"inner before {context.MethodName}");
                    await context.Invoke();
                    trace.Add($"inner after {context.Result}");
                });
        });

        await host.Grains.GetGrain<IProbeGrain>("traced").EchoAsync("cargo");

        var echo = trace.Entries.SkipWhile(e => !e.EndsWith("EchoAsync", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["outer before EchoAsync", "inner before EchoAsync", "inner after cargo", "outer after cargo"], echo);
    }

    [Fact]
    public async Task A_filter_sees_the_grain_its_methods_and_the_arguments()
    {
        IIncomingGrainCallContext? seen = null;
        await using var host = await TestHost.StartAsync(builder => builder.AddIncomingGrainCallFilter(context =>
        {
            if (context.MethodName == nameof(IProbeGrain.EchoAsync))
                seen = context;
            return context.Invoke();
        }));

        await host.Grains.GetGrain<IProbeGrain>("observed").EchoAsync("manifest");

        Assert.NotNull(seen);
        Assert.IsType<ProbeGrain>(seen.Grain);
        Assert.Equal(GrainId.Create("probe", "observed"), seen.TargetId);
        Assert.Equal(nameof(IProbeGrain), seen.InterfaceName);
        Assert.Equal(typeof(IProbeGrain), seen.InterfaceMethod.DeclaringType);
        Assert.Equal(typeof(ProbeGrain), seen.ImplementationMethod.DeclaringType);
        Assert.Equal(["manifest"], seen.Arguments);
        Assert.Equal("manifest", seen.Result);
    }

    [Fact]
    public async Task A_filter_can_replace_the_result()
    {
        await using var host = await TestHost.StartAsync(builder => builder.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            if (context.Result is string text)
                context.Result = text.ToUpperInvariant();
        }));

        Assert.Equal("ALMATY", await host.Grains.GetGrain<IProbeGrain>("loud").EchoAsync("Almaty"));
    }

    [Fact]
    public async Task A_filter_that_throws_fails_the_call_without_running_the_grain_method()
    {
        var refusal = new UnauthorizedAccessException("sender is not a registrar");
        await using var host = await TestHost.StartAsync(builder => builder.AddIncomingGrainCallFilter(context =>
            context.MethodName == nameof(ICounterGrain.IncrementAsync) ? throw refusal : context.Invoke()));
        var counter = host.Grains.GetGrain<ICounterGrain>("guarded");

        Assert.Same(refusal, await Assert.ThrowsAsync<UnauthorizedAccessException>(() => counter.IncrementAsync()));
        Assert.Equal(0, await counter.GetAsync());
    }

    [Fact]
    public async Task A_grain_implementing_the_filter_interface_filters_its_own_calls_innermost()
    {
        object? seenByGlobal = null;
        await using var host = await TestHost.StartAsync(builder => builder.AddIncomingGrainCallFilter(async context =>
        {
            await context.Invoke();
            seenByGlobal = context.Result;
        }));

        var name = await host.Grains.GetGrain<ISelfFilteringGrain>("vessel").NameAsync();

        Assert.Equal("[vessel]", name);
        Assert.Equal("[vessel]", seenByGlobal);
    }
}
