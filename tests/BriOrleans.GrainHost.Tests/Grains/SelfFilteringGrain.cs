namespace BriOrleans.GrainHost.Tests.Grains;

public interface ISelfFilteringGrain : IGrainWithStringKey
{
    Task<string> NameAsync();
}

/// <summary>A grain that filters its own calls: it decorates every string result.</summary>
public sealed class SelfFilteringGrain : Grain, ISelfFilteringGrain, IIncomingGrainCallFilter
{
    public Task<string> NameAsync() => Task.FromResult(this.GetPrimaryKeyString());

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        context.Result = $"[{context.Result}]";
    }
}
