namespace BriOrleans.GrainHost;

/// <summary>
/// A storage provider for grain state, registered under a name (<c>[PersistentState("state", "name")]</c>).
/// A record is identified by (state name, grain id) and carries an ETag; the contract is optimistic
/// concurrency, so that two activations of one grain (on one host or on two hosts sharing a database)
/// can never silently overwrite each other.
/// <list type="bullet">
/// <item><b>Read</b>: when a record exists, set State, ETag and RecordExists = true; otherwise set
/// ETag = null and RecordExists = false and leave State to the caller.</item>
/// <item><b>Write</b>: succeed only if the stored ETag equals <c>grainState.ETag</c>, null meaning
/// "no record"; then store State, set a new ETag and RecordExists = true. Otherwise throw
/// <see cref="InconsistentStateException"/> with both ETags and change nothing.</item>
/// <item><b>Clear</b>: the same check, then remove the record; ETag = null, RecordExists = false.</item>
/// </list>
/// An ETag must never repeat for a record, or a stale writer could match a newer record (ABA).
/// An ADO.NET provider keeps a version column and writes with one atomic statement, e.g.
/// <c>UPDATE grain_state SET payload = @p, version = version + 1 WHERE grain_type = @t AND grain_key = @k
/// AND state_name = @s AND version = @expected</c> (zero rows: conflict) or, for a null ETag,
/// <c>INSERT … ON CONFLICT DO NOTHING</c> (zero rows: conflict); a clear keeps a tombstone row with a null
/// payload so that the version keeps growing. Serialize State with an <see cref="IGrainStorageSerializer"/>.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
