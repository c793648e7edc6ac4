namespace BriOrleans.GrainHost;

/// <summary>The state record a storage provider reads into and writes from.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>The version of the stored record; null when there is no record.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

/// <summary>A plain <see cref="IGrainState{T}"/>.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
