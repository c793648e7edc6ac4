namespace BriOrleans.Runtime;

/// <summary>
/// Runs around every call into a grain, inside the grain's turn. Global filters run in registration
/// order; a grain class implementing this interface filters its own calls, innermost.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>An incoming-call filter as a delegate.</summary>
public delegate Task IncomingGrainCallFilterDelegate(IIncomingGrainCallContext context);
