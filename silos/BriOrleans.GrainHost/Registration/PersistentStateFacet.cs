using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>A grain constructor parameter marked <c>[PersistentState]</c>: which state, in which storage, of which type.</summary>
internal sealed class PersistentStateFacet
{
    private static readonly MethodInfo s_create =
        typeof(PersistentStateFacet).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<string, GrainId, IGrainStorage, IActivationState> _create;

    private PersistentStateFacet(string stateName, string storageName, Type stateType)
    {
        StateName = stateName;
        StorageName = storageName;
        _create = s_create.MakeGenericMethod(stateType).CreateDelegate<Func<string, GrainId, IGrainStorage, IActivationState>>();
    }

    public string StateName { get; }

    public string StorageName { get; }

    public static PersistentStateFacet Describe(Type grainClass, ParameterInfo parameter, PersistentStateAttribute attribute)
    {
        var where = $"parameter '{parameter.Name}' of {grainClass.Name}";
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            throw new ArgumentException($"{where} is marked [PersistentState] but is {type.Name}, not IPersistentState<T>");
        if (string.IsNullOrWhiteSpace(attribute.StateName))
            throw new ArgumentException($"{where} has an empty state name in [PersistentState]");
        var stateType = type.GetGenericArguments()[0];
        if (!stateType.IsValueType && (stateType.IsAbstract || stateType.GetConstructor(Type.EmptyTypes) is null))
            throw new ArgumentException(
                $"{where}: state type {stateType.Name} needs a public parameterless constructor (the state of a grain with no record)");
        return new PersistentStateFacet(attribute.StateName, attribute.StorageName ?? ProviderConstants.DefaultStorageProviderName, stateType);
    }

    public IActivationState CreateState(GrainId grainId, IGrainStorage storage) => _create(StateName, grainId, storage);

    private static IActivationState Create<TState>(string stateName, GrainId grainId, IGrainStorage storage)
        where TState : new() => new PersistentState<TState>(stateName, grainId, storage);
}
