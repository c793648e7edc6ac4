namespace BriOrleans.GrainHost.Tests.Grains;

public interface IReturnShapesGrain : IGrainWithIntegerKey
{
    Task RecordAsync(string value);

    Task<string> LastAsync();

    ValueTask RecordValueAsync(string value);

    ValueTask<int> CountValueAsync();

    Task<T> EchoAsync<T>(T value);
}

/// <summary>One method per Task-like return type the host supports.</summary>
public sealed class ReturnShapesGrain : Grain, IReturnShapesGrain
{
    private readonly List<string> _values = [];

    public async Task RecordAsync(string value)
    {
        await Task.Yield();
        _values.Add(value);
    }

    public Task<string> LastAsync() => Task.FromResult(_values[^1]);

    public ValueTask RecordValueAsync(string value)
    {
        _values.Add(value);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> CountValueAsync()
    {
        await Task.Yield();
        return _values.Count;
    }

    public Task<T> EchoAsync<T>(T value) => Task.FromResult(value);
}
