using BriOrleans.GrainHost;

namespace BriOrleans.Storage;

/// <summary>How a <see cref="LedgerStore"/> keeps copies in memory and serializes grain state.</summary>
public sealed record LedgerStoreOptions
{
    /// <summary>State-tree nodes cached; a node is about 200 bytes with its key.</summary>
    public int NodeCacheCapacity { get; init; } = DatabaseStateNodeStore.DefaultNodeCacheCapacity;

    /// <summary>Committed grain-state records cached (including "no record"), read again on every activation.</summary>
    public int GrainStateCacheCapacity { get; init; } = 1 << 16;

    public IGrainStorageSerializer Serializer { get; init; } = new JsonGrainStorageSerializer();
}
