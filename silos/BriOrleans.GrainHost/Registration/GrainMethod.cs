using System.Collections.Concurrent;
using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>
/// A method of a grain interface: how to invoke it on a grain and await what it returns as
/// <c>Task&lt;object?&gt;</c>, and how to hand that back to the caller as the declared return type.
/// </summary>
internal sealed class GrainMethod
{
    private static readonly MethodInfo s_awaitTaskOf = OpenGeneric(nameof(AwaitTaskOf));
    private static readonly MethodInfo s_awaitValueTaskOf = OpenGeneric(nameof(AwaitValueTaskOf));
    private static readonly MethodInfo s_asTaskOf = OpenGeneric(nameof(AsTaskOf));
    private static readonly MethodInfo s_asValueTaskOf = OpenGeneric(nameof(AsValueTaskOf));

    private readonly Func<object, Task<object?>> _awaitResult;
    private readonly Func<Task<object?>, object> _toReturnType;
    private readonly ConcurrentDictionary<Type, MethodInfo> _implementations = new();

    private GrainMethod(MethodInfo method, Func<object, Task<object?>> awaitResult, Func<Task<object?>, object> toReturnType)
    {
        InterfaceMethod = method;
        InterfaceName = method.DeclaringType!.Name;
        MethodName = method.Name;
        DisplayName = $"{InterfaceName}.{MethodName}";
        _awaitResult = awaitResult;
        _toReturnType = toReturnType;
    }

    public MethodInfo InterfaceMethod { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    /// <summary>"IShipmentGrain.ShipAsync": the method's name in statistics and messages.</summary>
    public string DisplayName { get; }

    /// <summary>Throws, naming the method, unless it returns Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
    public static void Validate(MethodInfo method)
    {
        var returns = method.ReturnType;
        if (returns == typeof(Task) || returns == typeof(ValueTask))
            return;
        if (returns.IsGenericType && returns.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
            return;
        var what = method.IsSpecialName ? "is a property or event accessor" : $"returns {returns.Name}";
        throw new ArgumentException(
            $"{method.DeclaringType!.Name}.{method.Name} {what}; grain interface methods return Task, Task<T>, ValueTask or ValueTask<T>");
    }

    /// <summary>Describes a closed method (a generic method once its type arguments are known).</summary>
    public static GrainMethod Describe(MethodInfo method)
    {
        Validate(method);
        var returns = method.ReturnType;
        if (returns == typeof(Task))
            return new GrainMethod(method, AwaitTask, static completion => completion);
        if (returns == typeof(ValueTask))
            return new GrainMethod(method, AwaitValueTask, static completion => new ValueTask(completion));
        return returns.GetGenericTypeDefinition() == typeof(Task<>)
            ? Generic(method, s_awaitTaskOf, s_asTaskOf)
            : Generic(method, s_awaitValueTaskOf, s_asValueTaskOf);
    }

    /// <summary>Calls the method on a grain; a synchronous throw becomes a faulted task.</summary>
    public Task<object?> InvokeAsync(object grain, object?[] arguments)
    {
        var returned = InterfaceMethod.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, arguments, null)
            ?? throw new InvalidOperationException($"{DisplayName} returned null instead of a task");
        return _awaitResult(returned);
    }

    /// <summary>Turns the completion of a call into the Task/ValueTask type the interface method declares.</summary>
    public object ToReturnType(Task<object?> completion) => _toReturnType(completion);

    public MethodInfo ImplementationOn(Type grainClass) => _implementations.GetOrAdd(grainClass, FindImplementation);

    private MethodInfo FindImplementation(Type grainClass)
    {
        var definition = InterfaceMethod.IsGenericMethod ? InterfaceMethod.GetGenericMethodDefinition() : InterfaceMethod;
        var map = grainClass.GetInterfaceMap(InterfaceMethod.DeclaringType!);
        var index = Array.IndexOf(map.InterfaceMethods, definition);
        var implementation = map.TargetMethods[index];
        return InterfaceMethod.IsGenericMethod
            ? implementation.MakeGenericMethod(InterfaceMethod.GetGenericArguments())
            : implementation;
    }

    private static GrainMethod Generic(MethodInfo method, MethodInfo awaitResult, MethodInfo toReturnType)
    {
        var result = method.ReturnType.GetGenericArguments()[0];
        return new GrainMethod(
            method,
            awaitResult.MakeGenericMethod(result).CreateDelegate<Func<object, Task<object?>>>(),
            toReturnType.MakeGenericMethod(result).CreateDelegate<Func<Task<object?>, object>>());
    }

    private static MethodInfo OpenGeneric(string name) =>
        typeof(GrainMethod).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<object?> AwaitTask(object returned)
    {
        await (Task)returned;
        return null;
    }

    private static async Task<object?> AwaitValueTask(object returned)
    {
        await (ValueTask)returned;
        return null;
    }

    private static async Task<object?> AwaitTaskOf<T>(object returned) => await (Task<T>)returned;

    private static async Task<object?> AwaitValueTaskOf<T>(object returned) => await (ValueTask<T>)returned;

    private static object AsTaskOf<T>(Task<object?> completion) => CastAsync<T>(completion);

    private static object AsValueTaskOf<T>(Task<object?> completion) => new ValueTask<T>(CastAsync<T>(completion));

    private static async Task<T> CastAsync<T>(Task<object?> completion) => await completion is { } result ? (T)result : default!;
}
