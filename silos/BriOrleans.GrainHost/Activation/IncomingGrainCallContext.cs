using System.Reflection;

namespace BriOrleans.GrainHost;

/// <summary>A call inside its turn: walks the filters in order, then invokes the grain method.</summary>
internal sealed class IncomingGrainCallContext(IGrainBase grain, GrainCall call, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _stage;

    public object Grain => grain;

    public GrainId TargetId => call.GrainId;

    public string InterfaceName => call.Method.InterfaceName;

    public string MethodName => call.Method.MethodName;

    public MethodInfo InterfaceMethod => call.Method.InterfaceMethod;

    public MethodInfo ImplementationMethod => call.Method.ImplementationOn(grain.GetType());

    public IReadOnlyList<object?> Arguments => call.Arguments;

    public object? Result { get; set; }

    internal GrainMethod Method => call.Method;

    public async Task Invoke()
    {
        var stage = _stage;
        if (stage < filters.Length)
        {
            _stage = stage + 1;
            try
            {
                await filters[stage].Invoke(this);
            }
            finally
            {
                // A filter may invoke the rest of the pipeline again (a retry), so rewind.
                _stage = stage;
            }
            return;
        }
        Result = await call.Method.InvokeAsync(grain, call.Arguments);
    }
}
