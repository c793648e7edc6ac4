namespace BriOrleans.Runtime;

/// <summary>
/// A grain's persistent state, injected through a constructor parameter marked with
/// <see cref="PersistentStateAttribute"/>. The host reads it before <see cref="Grain.OnActivateAsync"/>;
/// the grain changes <see cref="State"/> and calls <see cref="WriteStateAsync"/> in the method that changed it.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The state; a new instance when no record exists.</summary>
    TState State { get; set; }

    /// <summary>The version of the record this activation last read or wrote; null when it saw no record.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    /// <summary>Replaces <see cref="State"/> with what storage holds.</summary>
    Task ReadStateAsync();

    /// <summary>
    /// Writes <see cref="State"/>. Throws <see cref="InconsistentStateException"/> when the record was
    /// written by someone else since this activation read it (its <see cref="Etag"/> is stale).
    /// </summary>
    Task WriteStateAsync();

    /// <summary>Deletes the record (with the same ETag check) and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync();
}
