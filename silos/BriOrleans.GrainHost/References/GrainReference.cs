using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>
/// A reference to a grain: a <see cref="DispatchProxy"/> implementing the grain interface whose every
/// method becomes a call delivered to the grain's activation. Never throws synchronously: failures
/// arrive through the returned task. Equal references name the same grain.
/// </summary>
internal class GrainReference : DispatchProxy, IGrainReferenceIdentity
{
    private Catalog? _catalog;
    private GrainClass? _grainClass;
    private Type? _interfaceType;

    public GrainId GrainId { get; private set; }

    /// <summary>A copy of this proxy (same generated class, so the same interface) naming the given grain.</summary>
    internal GrainReference BoundCopy(Catalog catalog, GrainId grainId, GrainClass grainClass, Type interfaceType)
    {
        var copy = (GrainReference)MemberwiseClone();
        copy._catalog = catalog;
        copy.GrainId = grainId;
        copy._grainClass = grainClass;
        copy._interfaceType = interfaceType;
        return copy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = _catalog!.Classes.MethodFor(targetMethod);
        return method.ToReturnType(_catalog.Invoke(GrainId, _grainClass!, method, args ?? []));
    }

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => $"{_interfaceType?.Name} {GrainId}";
}
