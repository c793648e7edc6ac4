using System.Collections.Concurrent;
using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>The host's <see cref="IGrainFactory"/>: resolves the grain class of an interface and returns a reference.</summary>
internal sealed class GrainFactory(Catalog catalog) : IGrainFactory
{
    // One proxy per grain interface, built by DispatchProxy (reflection) once; every reference is a copy of it
    // bound to its grain. Creating a DispatchProxy per call emits a constructor invoker per call.
    private readonly ConcurrentDictionary<Type, GrainReference> _prototypes = new();

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainClass = catalog.Classes.ClassFor(typeof(TGrainInterface));
        return Reference<TGrainInterface>(GrainId.Create(grainClass.GrainType, primaryKey), grainClass);
    }

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey
    {
        var grainClass = catalog.Classes.ClassFor(typeof(TGrainInterface));
        return Reference<TGrainInterface>(GrainId.Create(grainClass.GrainType, primaryKey), grainClass);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey
    {
        var grainClass = catalog.Classes.ClassFor(typeof(TGrainInterface));
        return Reference<TGrainInterface>(GrainId.Create(grainClass.GrainType, primaryKey), grainClass);
    }

    private TGrainInterface Reference<TGrainInterface>(GrainId grainId, GrainClass grainClass)
    {
        var prototype = _prototypes.GetOrAdd(typeof(TGrainInterface),
            static _ => (GrainReference)(object)DispatchProxy.Create<TGrainInterface, GrainReference>()!);
        return (TGrainInterface)(object)prototype.BoundCopy(catalog, grainId, grainClass, typeof(TGrainInterface));
    }
}
