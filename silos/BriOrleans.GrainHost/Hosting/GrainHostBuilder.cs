using Microsoft.Extensions.DependencyInjection;

namespace BriOrleans.GrainHost;

/// <summary>
/// Configures the grain host inside <c>services.AddGrainHost(host => …)</c>, in the manner of
/// Orleans' silo builder: grain classes, storage providers, incoming-call filters, options.
/// </summary>
public sealed class GrainHostBuilder
{
    internal GrainHostBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>Registers <typeparamref name="TGrain"/> as the grain class of <typeparamref name="TGrainInterface"/>.</summary>
    public GrainHostBuilder AddGrain<TGrainInterface, TGrain>()
        where TGrainInterface : IGrain
        where TGrain : class, IGrainBase, TGrainInterface
    {
        Services.AddGrain<TGrainInterface, TGrain>();
        return this;
    }

    /// <summary>Adds an in-memory storage provider under <paramref name="name"/> (the default provider when omitted).</summary>
    public GrainHostBuilder AddMemoryGrainStorage(string name = ProviderConstants.DefaultStorageProviderName) =>
        AddGrainStorage(name, services => new MemoryGrainStorage(services.GetRequiredService<IGrainStorageSerializer>()));

    /// <summary>Adds a storage provider under <paramref name="name"/>, created once from the root services.</summary>
    public GrainHostBuilder AddGrainStorage(string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddKeyedSingleton(name, (services, _) => factory(services));
        return this;
    }

    /// <summary>Adds a global incoming-call filter, resolved from the services; filters run in the order added.</summary>
    public GrainHostBuilder AddIncomingGrainCallFilter<TFilter>() where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    public GrainHostBuilder AddIncomingGrainCallFilter(IncomingGrainCallFilterDelegate filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Services.AddSingleton<IIncomingGrainCallFilter>(new DelegateIncomingGrainCallFilter(filter));
        return this;
    }

    public GrainHostBuilder Configure(Action<GrainHostOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
