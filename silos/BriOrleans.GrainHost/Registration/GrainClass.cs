using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace BriOrleans.GrainHost;

/// <summary>
/// A validated grain class: its grain type name and how to construct it — each constructor
/// parameter is a service from the activation's scope, the activation's <see cref="IGrainContext"/>,
/// or an <see cref="IPersistentState{TState}"/> described by <see cref="PersistentStateAttribute"/>.
/// </summary>
internal sealed class GrainClass
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;
    private readonly PersistentStateFacet?[] _facets;

    private GrainClass(Type type, string grainType, ConstructorInfo constructor, PersistentStateFacet?[] facets)
    {
        Type = type;
        GrainType = grainType;
        _constructor = constructor;
        _parameters = constructor.GetParameters();
        _facets = facets;
        States = [.. facets.OfType<PersistentStateFacet>()];
    }

    public Type Type { get; }

    /// <summary>The first part of the grain id ("shipment" for ShipmentGrain).</summary>
    public string GrainType { get; }

    public IReadOnlyList<PersistentStateFacet> States { get; }

    public static GrainClass Describe(Type type)
    {
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
            throw new ArgumentException($"{type.Name} must be a concrete, closed class to be a grain class");
        if (!typeof(IGrainBase).IsAssignableFrom(type))
            throw new ArgumentException($"{type.Name} must derive from Grain (or implement IGrainBase) to be a grain class");
        var constructors = type.GetConstructors();
        if (constructors.Length != 1)
            throw new ArgumentException($"{type.Name} must have exactly one public constructor, found {constructors.Length}");

        var constructor = constructors[0];
        var facets = constructor.GetParameters().Select(parameter => Facet(type, parameter)).ToArray();
        var duplicate = facets.OfType<PersistentStateFacet>().GroupBy(f => f.StateName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{type.Name} declares persistent state '{duplicate.Key}' more than once");
        return new GrainClass(type, GrainTypeName(type), constructor, facets);
    }

    /// <summary>Constructs the grain for an activation, with its persistent states (not yet read).</summary>
    public (IGrainBase Grain, IActivationState[] States) Create(IGrainContext context, IServiceProvider services)
    {
        var arguments = new object?[_parameters.Length];
        var states = new List<IActivationState>(States.Count);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (_facets[i] is { } facet)
            {
                var storage = services.GetKeyedService<IGrainStorage>(facet.StorageName)
                    ?? throw new InvalidOperationException(
                        $"no grain storage named '{facet.StorageName}' is registered (state '{facet.StateName}' of {Type.Name})");
                var state = facet.CreateState(context.GrainId, storage);
                states.Add(state);
                arguments[i] = state;
            }
            else
            {
                arguments[i] = Resolve(_parameters[i], context, services);
            }
        }

        object grain;
        using (RuntimeContext.Enter(context))
            grain = _constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, arguments, null);
        return ((IGrainBase)grain, [.. states]);
    }

    private object? Resolve(ParameterInfo parameter, IGrainContext context, IServiceProvider services)
    {
        if (parameter.ParameterType == typeof(IGrainContext))
            return context;
        var service = services.GetService(parameter.ParameterType);
        if (service is not null)
            return service;
        if (parameter.HasDefaultValue)
            return parameter.DefaultValue;
        throw new InvalidOperationException(
            $"cannot activate {context.GrainId}: parameter '{parameter.Name}' of {Type.Name} needs a {parameter.ParameterType.Name}, which is not a registered service");
    }

    private static PersistentStateFacet? Facet(Type type, ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
            return PersistentStateFacet.Describe(type, parameter, attribute);
        var parameterType = parameter.ParameterType;
        if (parameterType.IsGenericType && parameterType.GetGenericTypeDefinition() == typeof(IPersistentState<>))
            throw new ArgumentException($"parameter '{parameter.Name}' of {type.Name} is IPersistentState<T> and needs a [PersistentState(\"name\")] attribute");
        return null;
    }

    private static string GrainTypeName(Type type)
    {
        if (type.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
            return string.IsNullOrWhiteSpace(attribute.GrainType)
                ? throw new ArgumentException($"{type.Name} has an empty [GrainType] name")
                : attribute.GrainType;
        var name = type.Name.EndsWith("Grain", StringComparison.Ordinal) && type.Name.Length > "Grain".Length
            ? type.Name[..^"Grain".Length]
            : type.Name;
        return name.ToLowerInvariant();
    }
}
