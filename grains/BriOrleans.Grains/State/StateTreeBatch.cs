using BriOrleans.Crypto;

namespace BriOrleans.Grains.State;

/// <summary>A node a batch writes, with the key it is stored under.</summary>
public readonly record struct StateNodeEntry(StateNodeKey Key, StateNode Node);

/// <summary>
/// Everything one version adds to the node store: its root, the nodes it wrote and the older nodes it no
/// longer reaches (stale since <see cref="Version"/>). It is plain data, so the epoch's database transaction
/// can write it together with the epoch's other results; <see cref="IStateNodeStore.Write"/> applies it.
/// </summary>
public sealed class StateTreeBatch
{
    public StateTreeBatch(
        ulong version, ulong? baseVersion, StateNodeRef? root,
        IReadOnlyList<StateNodeEntry> newNodes, IReadOnlyList<StateNodeKey> staleNodes)
    {
        ArgumentNullException.ThrowIfNull(newNodes);
        ArgumentNullException.ThrowIfNull(staleNodes);
        if (baseVersion >= version)
            throw new ArgumentException($"version {version} must come after the version {baseVersion} it was computed on", nameof(version));
        Version = version;
        BaseVersion = baseVersion;
        Root = new StateTreeRoot(version, root);
        NewNodes = newNodes;
        StaleNodes = staleNodes;
    }

    public ulong Version { get; }

    /// <summary>The version the batch was computed on (null for the first); a store takes it only on top of that version.</summary>
    public ulong? BaseVersion { get; }

    public StateTreeRoot Root { get; }

    /// <summary>The state root of <see cref="Version"/>.</summary>
    public Hash256 RootHash => Root.Hash;

    /// <summary>Nodes written by this version, children before parents.</summary>
    public IReadOnlyList<StateNodeEntry> NewNodes { get; }

    /// <summary>Nodes of earlier versions that this version replaced: pruning up to this version may delete them.</summary>
    public IReadOnlyList<StateNodeKey> StaleNodes { get; }
}
