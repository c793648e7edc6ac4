namespace BriOrleans.GrainHost;

/// <summary>State the host must read before a grain's OnActivateAsync.</summary>
internal interface IActivationState
{
    Task ReadStateAsync();
}

/// <summary>The <see cref="IPersistentState{TState}"/> handed to a grain: its state record in one named storage provider.</summary>
internal sealed class PersistentState<TState>(string stateName, GrainId grainId, IGrainStorage storage)
    : IPersistentState<TState>, IActivationState
    where TState : new()
{
    private readonly GrainState<TState> _record = new(new TState());

    public TState State
    {
        get => _record.State;
        set => _record.State = value;
    }

    public string? Etag => _record.ETag;

    public bool RecordExists => _record.RecordExists;

    public async Task ReadStateAsync()
    {
        await storage.ReadStateAsync(stateName, grainId, _record);
        if (!_record.RecordExists || _record.State is null)
            _record.State = new TState();
    }

    public Task WriteStateAsync() => storage.WriteStateAsync(stateName, grainId, _record);

    public async Task ClearStateAsync()
    {
        await storage.ClearStateAsync(stateName, grainId, _record);
        _record.State = new TState();
    }
}
