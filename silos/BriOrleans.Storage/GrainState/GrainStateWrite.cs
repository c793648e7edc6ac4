using BriOrleans.Crypto;
using BriOrleans.Grains.State;
using BriOrleans.StateProofs;

namespace BriOrleans.Storage;

/// <summary>
/// The last write of an epoch to one grain-state record: its serialized state, or null when the record was cleared
/// (a tombstone, which deletes its leaf from the state tree), and the ETag it was given.
/// </summary>
public sealed record GrainStateWrite(GrainId GrainId, string StateName, byte[]? Payload, long ETag)
{
    public bool IsTombstone => Payload is null;

    /// <summary>The record's key in the state tree (<see cref="GrainStateKey"/>).</summary>
    public Hash256 TreeKey => GrainStateKey.Of(GrainId, StateName);

    /// <summary>What the write does to the state tree: its leaf set to Keccak-256 of the payload, or deleted.</summary>
    public StateChange ToStateChange() =>
        Payload is null ? StateChange.Delete(TreeKey) : StateChange.Set(TreeKey, StateTreeScheme.ValueOf(Payload));
}
