namespace BriOrleans.GrainHost.Tests.Grains;

public interface IPlainGrain : IGrainWithGuidKey
{
    Task<Guid> KeyAsync();
}

/// <summary>A grain that implements IGrainBase and takes its context by constructor instead of deriving from Grain.</summary>
public sealed class PlainGrain(IGrainContext grainContext) : IGrainBase, IPlainGrain
{
    public IGrainContext GrainContext { get; } = grainContext;

    public Task<Guid> KeyAsync() => Task.FromResult(this.GetPrimaryKey());
}
