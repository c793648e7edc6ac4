namespace BriOrleans.GrainHost;

/// <summary>An <see cref="IncomingGrainCallFilterDelegate"/> registered as a filter.</summary>
internal sealed class DelegateIncomingGrainCallFilter(IncomingGrainCallFilterDelegate filter) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => filter(context);
}
