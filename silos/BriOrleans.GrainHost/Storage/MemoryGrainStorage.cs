using System.Globalization;

namespace BriOrleans.GrainHost;

/// <summary>
/// Grain state kept in process memory, serialized so that no activation shares an object with the
/// store. ETags come from one counter per provider, so they never repeat. Several hosts in one
/// process may share one instance, which is how two hosts writing one record are tested.
/// </summary>
public sealed class MemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string StateName, GrainId GrainId), StoredRecord> _records = [];
    private long _lastEtag;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        StoredRecord? record;
        lock (_lock)
            record = _records.GetValueOrDefault((stateName, grainId));

        if (record is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        else
        {
            grainState.State = serializer.Deserialize<T>(record.Data)!;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = serializer.Serialize(grainState.State);
        string etag;
        lock (_lock)
        {
            if (Conflict(stateName, grainId, grainState.ETag, "write") is { } conflict)
                return Task.FromException(conflict);
            etag = (++_lastEtag).ToString(CultureInfo.InvariantCulture);
            _records[(stateName, grainId)] = new StoredRecord(data, etag);
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        lock (_lock)
        {
            if (Conflict(stateName, grainId, grainState.ETag, "clear") is { } conflict)
                return Task.FromException(conflict);
            _records.Remove((stateName, grainId));
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private InconsistentStateException? Conflict(string stateName, GrainId grainId, string? expected, string operation)
    {
        var stored = _records.GetValueOrDefault((stateName, grainId))?.ETag;
        return stored == expected
            ? null
            : new InconsistentStateException(
                $"cannot {operation} state '{stateName}' of grain {grainId}: the grain holds ETag '{expected ?? "(no record)"}' " +
                $"but storage holds '{stored ?? "(no record)"}'; another activation wrote it since it was read",
                stored, expected);
    }

    private sealed record StoredRecord(byte[] Data, string ETag);
}
