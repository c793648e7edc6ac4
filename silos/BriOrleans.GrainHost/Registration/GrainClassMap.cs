using System.Collections.Concurrent;
using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>A grain interface registered with the grain class that implements it.</summary>
internal sealed record GrainRegistration(GrainInterface Interface, GrainClass Class);

/// <summary>
/// Which grain class implements which grain interface, and the described methods of those interfaces.
/// One interface has one class; one class has one grain type name and one key kind.
/// </summary>
internal sealed class GrainClassMap
{
    private readonly Dictionary<Type, GrainRegistration> _byInterface;
    private readonly ConcurrentDictionary<MethodInfo, GrainMethod> _methods = new();

    public GrainClassMap(IEnumerable<GrainRegistration> registrations)
    {
        var all = registrations.ToArray();
        Validate(all);
        _byInterface = all.DistinctBy(r => r.Interface.Type).ToDictionary(r => r.Interface.Type);
        Classes = [.. all.Select(r => r.Class).DistinctBy(c => c.Type).OrderBy(c => c.GrainType, StringComparer.Ordinal)];
        foreach (var method in all.SelectMany(r => r.Interface.Methods))
            _methods.TryAdd(method.InterfaceMethod, method);
    }

    /// <summary>Every registered grain class, ordered by grain type name.</summary>
    public IReadOnlyList<GrainClass> Classes { get; }

    /// <summary>Throws naming the conflict when two registrations cannot both hold.</summary>
    public static void Validate(IReadOnlyCollection<GrainRegistration> registrations)
    {
        foreach (var byInterface in registrations.GroupBy(r => r.Interface.Type))
        {
            var classes = byInterface.Select(r => r.Class.Type).Distinct().ToArray();
            if (classes.Length > 1)
                throw new ArgumentException(
                    $"{byInterface.Key.Name} is registered for both {classes[0].Name} and {classes[1].Name}; a grain interface has one grain class");
        }
        foreach (var byClass in registrations.GroupBy(r => r.Class.Type))
        {
            var kinds = byClass.Select(r => r.Interface.KeyKind).Distinct().ToArray();
            if (kinds.Length > 1)
                throw new ArgumentException(
                    $"{byClass.Key.Name} is registered for grain interfaces with {kinds[0]} and {kinds[1]} keys; a grain class has one key kind");
        }
        foreach (var byType in registrations.Select(r => r.Class).DistinctBy(c => c.Type).GroupBy(c => c.GrainType))
        {
            var classes = byType.ToArray();
            if (classes.Length > 1)
                throw new ArgumentException(
                    $"{classes[0].Type.Name} and {classes[1].Type.Name} both have grain type '{byType.Key}'; rename one with [GrainType]");
        }
    }

    public GrainClass ClassFor(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var registration)
            ? registration.Class
            : throw new ArgumentException(
                $"no grain class is registered for {grainInterface.Name}; register one with AddGrain<{grainInterface.Name}, TGrain>()");

    public GrainMethod MethodFor(MethodInfo interfaceMethod) => _methods.GetOrAdd(interfaceMethod, GrainMethod.Describe);
}
