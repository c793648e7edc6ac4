using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>How a grain interface is keyed.</summary>
internal enum GrainKeyKind
{
    String,
    Integer,
    Guid,
}

/// <summary>A validated grain interface: its key kind and its (non-generic) methods, each returning a Task-like type.</summary>
internal sealed class GrainInterface
{
    private GrainInterface(Type type, GrainKeyKind keyKind, IReadOnlyList<GrainMethod> methods)
    {
        Type = type;
        KeyKind = keyKind;
        Methods = methods;
    }

    public Type Type { get; }

    public GrainKeyKind KeyKind { get; }

    public IReadOnlyList<GrainMethod> Methods { get; }

    public static GrainInterface Describe(Type type)
    {
        if (!type.IsInterface)
            throw new ArgumentException($"{type.Name} is not an interface; grains are registered for their grain interfaces");
        if (type.ContainsGenericParameters)
            throw new ArgumentException($"{type.Name} is an open generic interface; register a closed one");
        var kinds = new List<GrainKeyKind>();
        if (typeof(IGrainWithStringKey).IsAssignableFrom(type))
            kinds.Add(GrainKeyKind.String);
        if (typeof(IGrainWithIntegerKey).IsAssignableFrom(type))
            kinds.Add(GrainKeyKind.Integer);
        if (typeof(IGrainWithGuidKey).IsAssignableFrom(type))
            kinds.Add(GrainKeyKind.Guid);
        if (kinds.Count != 1)
            throw new ArgumentException(
                $"{type.Name} must derive from exactly one of IGrainWithStringKey, IGrainWithIntegerKey, IGrainWithGuidKey (found {kinds.Count})");

        var methods = new[] { type }.Concat(type.GetInterfaces())
            .SelectMany(declaring => declaring.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .ToArray();
        foreach (var method in methods)
            GrainMethod.Validate(method);
        // Generic methods are described per closed instantiation, when first called.
        var described = methods.Where(m => !m.ContainsGenericParameters).Select(GrainMethod.Describe).ToArray();
        return new GrainInterface(type, kinds[0], described);
    }
}
