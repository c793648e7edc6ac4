using System.Reflection;

namespace BriOrleans.Runtime;

/// <summary>A call arriving at a grain, as incoming-call filters see it.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain instance being called.</summary>
    object Grain { get; }

    GrainId TargetId { get; }

    string InterfaceName { get; }

    string MethodName { get; }

    MethodInfo InterfaceMethod { get; }

    MethodInfo ImplementationMethod { get; }

    IReadOnlyList<object?> Arguments { get; }

    /// <summary>The value the call returns (null for <c>Task</c> and <c>ValueTask</c>); set after <see cref="Invoke"/>, replaceable by a filter.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the grain method after the last one.</summary>
    Task Invoke();
}
