using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>The host's <see cref="IGrainFactory"/>: resolves the grain class of an interface and returns a reference.</summary>
internal sealed class GrainFactory(Catalog catalog) : IGrainFactory
{
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
        var reference = DispatchProxy.Create<TGrainInterface, GrainReference>();
        ((GrainReference)(object)reference!).Bind(catalog, grainId, grainClass, typeof(TGrainInterface));
        return reference;
    }
}
