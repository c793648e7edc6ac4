namespace BriOrleans.GrainHost.Tests.Grains;

public interface ISynchronousGrain : IGrainWithStringKey
{
    int Count();
}

/// <summary>Has a method that returns a plain value, which a grain interface may not.</summary>
public sealed class SynchronousGrain : Grain, ISynchronousGrain
{
    public int Count() => 0;
}

public interface IStringSideGrain : IGrainWithStringKey
{
    Task PingAsync();
}

public interface IIntegerSideGrain : IGrainWithIntegerKey
{
    Task PongAsync();
}

/// <summary>Implements a string-keyed and an integer-keyed interface, which one grain class may not.</summary>
public sealed class TwoKeyedGrain : Grain, IStringSideGrain, IIntegerSideGrain
{
    public Task PingAsync() => Task.CompletedTask;

    public Task PongAsync() => Task.CompletedTask;
}

/// <summary>A second class for IStringSideGrain, which already has one.</summary>
public sealed class RivalGrain : Grain, IStringSideGrain
{
    public Task PingAsync() => Task.CompletedTask;
}

public interface IUnmarkedStateGrain : IGrainWithStringKey
{
    Task ReadAsync();
}

/// <summary>Takes persistent state without saying which.</summary>
public sealed class UnmarkedStateGrain(IPersistentState<CounterState> state) : Grain, IUnmarkedStateGrain
{
    public Task ReadAsync() => state.ReadStateAsync();
}

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task PingAsync();
}
