using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriOrleans.GrainHost;

/// <summary>Registers the grain host and grain classes with dependency injection.</summary>
public static class GrainHostServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain host: <see cref="IGrainFactory"/>, <see cref="Silo"/> (also as a hosted
    /// service), <see cref="GrainStatistics"/>, JSON state serialization and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddGrainHost(this IServiceCollection services, Action<GrainHostBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure?.Invoke(new GrainHostBuilder(services));

        services.AddLogging();
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGrainStorageSerializer>(new JsonGrainStorageSerializer());
        services.TryAddSingleton(sp => new GrainClassMap(sp.GetServices<GrainRegistration>()));
        services.TryAddSingleton(sp => new GrainStatistics(sp.GetRequiredService<GrainClassMap>()));
        services.TryAddSingleton(sp => new Catalog(
            sp.GetRequiredService<GrainClassMap>(),
            sp.GetRequiredService<GrainStatistics>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GrainHostOptions>>().Value,
            sp.GetRequiredService<ILogger<Catalog>>()));
        services.TryAddSingleton<IGrainFactory>(sp => new GrainFactory(sp.GetRequiredService<Catalog>()));
        services.TryAddSingleton(sp => new Silo(
            sp.GetRequiredService<Catalog>(),
            sp.GetServices<IIncomingGrainCallFilter>(),
            sp.GetRequiredService<IServiceProviderIsKeyedService>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GrainHostOptions>>().Value));
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TGrain"/> as the grain class of <typeparamref name="TGrainInterface"/>.
    /// Throws at once, naming the problem, when the interface or class cannot be hosted or conflicts
    /// with an earlier registration.
    /// </summary>
    public static IServiceCollection AddGrain<TGrainInterface, TGrain>(this IServiceCollection services)
        where TGrainInterface : IGrain
        where TGrain : class, IGrainBase, TGrainInterface
    {
        ArgumentNullException.ThrowIfNull(services);
        var registration = new GrainRegistration(GrainInterface.Describe(typeof(TGrainInterface)), GrainClass.Describe(typeof(TGrain)));
        var existing = services
            .Where(d => d.ServiceType == typeof(GrainRegistration) && d.ImplementationInstance is GrainRegistration)
            .Select(d => (GrainRegistration)d.ImplementationInstance!)
            .ToList();
        if (existing.Any(r => r.Interface.Type == registration.Interface.Type && r.Class.Type == registration.Class.Type))
            return services;
        GrainClassMap.Validate([.. existing, registration]);
        services.AddSingleton(registration);
        return services;
    }
}
