using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("BriOrleans.GrainHost")]

namespace BriOrleans.Runtime;

/// <summary>
/// The activation being constructed on this thread. The host sets it around the grain constructor so
/// that <see cref="Grain"/> subclasses need no constructor parameter for it, as in Orleans.
/// </summary>
internal static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? s_current;

    internal static IGrainContext? Current => s_current;

    internal static IDisposable Enter(IGrainContext context) => new Scope(context);

    private sealed class Scope : IDisposable
    {
        private readonly IGrainContext? _previous;

        public Scope(IGrainContext context)
        {
            _previous = s_current;
            s_current = context;
        }

        public void Dispose() => s_current = _previous;
    }
}
