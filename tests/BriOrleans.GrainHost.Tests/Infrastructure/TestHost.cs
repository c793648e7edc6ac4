using BriOrleans.GrainHost.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace BriOrleans.GrainHost.Tests.Infrastructure;

/// <summary>
/// A started grain host with every test grain registered, in-memory default storage, a manual
/// clock, a journal and fixed options (30 s response timeout, 10 min collection age, 1 min quantum).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromMinutes(1);

    private TestHost(ServiceProvider services, ManualTimeProvider time)
    {
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Time { get; }

    public Silo Host => Services.GetRequiredService<Silo>();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public GrainJournal Journal => Services.GetRequiredService<GrainJournal>();

    public GrainStatisticsSnapshot Statistics => Services.GetRequiredService<GrainStatistics>().GetSnapshot();

    public static async Task<TestHost> StartAsync(Action<GrainHostBuilder>? configure = null, IGrainStorage? sharedStorage = null)
    {
        var host = Create(configure, sharedStorage);
        await host.Host.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>Builds the host without starting it.</summary>
    public static TestHost Create(Action<GrainHostBuilder>? configure = null, IGrainStorage? sharedStorage = null)
    {
        var time = new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<GrainJournal>();
        services.AddSingleton<ActivationSwitch>();
        services.AddGrainHost(host =>
        {
            host.AddGrain<IProbeGrain, ProbeGrain>()
                .AddGrain<IStringKeyedGrain, StringKeyedGrain>()
                .AddGrain<IIntegerKeyedGrain, IntegerKeyedGrain>()
                .AddGrain<IGuidKeyedGrain, GuidKeyedGrain>()
                .AddGrain<ITurnGrain, TurnGrain>()
                .AddGrain<IRelayGrain, RelayGrain>()
                .AddGrain<ICounterGrain, CounterGrain>()
                .AddGrain<IReturnShapesGrain, ReturnShapesGrain>()
                .AddGrain<IFragileActivationGrain, FragileActivationGrain>()
                .AddGrain<IPlainGrain, PlainGrain>()
                .AddGrain<ISelfFilteringGrain, SelfFilteringGrain>()
                .Configure(options =>
                {
                    options.ResponseTimeout = ResponseTimeout;
                    options.CollectionAge = CollectionAge;
                    options.CollectionQuantum = CollectionQuantum;
                });
            if (sharedStorage is null)
                host.AddMemoryGrainStorage();
            else
                host.AddGrainStorage(ProviderConstants.DefaultStorageProviderName, _ => sharedStorage);
            configure?.Invoke(host);
        });
        return new TestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), time);
    }

    /// <summary>Completes once at least <paramref name="count"/> calls await their response (sent, not yet answered).</summary>
    public async Task WhenCallsAwaitResponse(int count)
    {
        async Task Poll()
        {
            while (Host.CallsAwaitingResponse < count)
                await Task.Delay(5);
        }
        await Poll().WithinReasonableTime();
    }

    /// <summary>Stops the host, failing with <see cref="TestHangException"/> if a turn never ends (stop waits for turns).</summary>
    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None).WithinReasonableTime();
        await Services.DisposeAsync();
    }
}
