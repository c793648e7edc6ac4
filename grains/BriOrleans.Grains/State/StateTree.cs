using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.State;

/// <summary>
/// The authenticated state of the ledger: a versioned sparse Merkle tree over 256-bit keys in which a subtree
/// of one leaf is that leaf (hashing as in <see cref="StateTreeScheme"/>). Keys are hashes, so paths are about
/// log2 N deep and an epoch's cost grows with its changes, not with the state. Chains of internal nodes are
/// not compressed further: with hashed keys they are short, and one sibling per depth keeps proofs and
/// verifiers simple. Any retained version can be read and proved against, rolled back to (pivot switch) or
/// made the oldest retained (finality). One writer at a time; reads may run beside it, except reads of a
/// version being rolled back or pruned.
/// </summary>
public sealed class StateTree
{
    private readonly IStateNodeStore _store;

    public StateTree(IStateNodeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The newest version, or null before the first batch.</summary>
    public ulong? LatestVersion => _store.LatestVersion;

    /// <summary>The state root of a retained version.</summary>
    public Hash256 RootOf(ulong version) => RetainedRoot(version).Hash;

    /// <summary>
    /// Computes the batch of a new version: the latest state with <paramref name="changes"/> applied, each key at
    /// most once, in any order. Nothing is written: persist the batch with <see cref="IStateNodeStore.Write"/>,
    /// in the transaction of the epoch, before computing the next one.
    /// </summary>
    public StateTreeBatch Update(ulong version, IEnumerable<StateChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var latest = _store.LatestVersion;
        if (latest >= version)
            throw new ArgumentException($"version {version} must come after the latest version {latest}", nameof(version));
        var sorted = changes.ToArray();
        Array.Sort(sorted, static (a, b) => a.Key.CompareTo(b.Key));
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i].Key == sorted[i - 1].Key)
                throw new ArgumentException($"the changes of version {version} name key {sorted[i].Key} more than once", nameof(changes));
        var baseRoot = latest is { } v ? RetainedRoot(v) : (StateTreeRoot?)null;
        if (_store.ReadsNodesTogether)
            StateTreePrefetch.Read(_store, baseRoot?.Node, sorted);
        return StateTreeUpdate.Compute(_store, baseRoot, version, sorted);
    }

    /// <summary>Computes a new version with <see cref="Update"/> and writes it to the store at once.</summary>
    public StateTreeBatch Commit(ulong version, IEnumerable<StateChange> changes)
    {
        var batch = Update(version, changes);
        _store.Write(batch);
        return batch;
    }

    /// <summary>The value hash of <paramref name="key"/> in a retained version, or null when the key is absent.</summary>
    public Hash256? Get(Hash256 key, ulong version)
    {
        var leaf = Descend(key, version, siblings: null);
        return leaf is { } found && found.Key == key ? found.Value : null;
    }

    /// <summary>Proves what <paramref name="key"/> holds in a retained version: its value, or that it is absent.</summary>
    public StateProof Prove(Hash256 key, ulong version)
    {
        var siblings = new List<Hash256>();
        var leaf = Descend(key, version, siblings);
        return new StateProof(key, leaf, siblings);
    }

    /// <summary>Discards every version after <paramref name="version"/>, which becomes the latest again.</summary>
    public void RollbackTo(ulong version)
    {
        RetainedRoot(version);
        _store.RemoveVersionsAfter(version);
    }

    /// <summary>Forgets the versions before <paramref name="oldestRetained"/> and the nodes only they reached.</summary>
    public void Prune(ulong oldestRetained)
    {
        RetainedRoot(oldestRetained);
        _store.RemoveVersionsBefore(oldestRetained);
    }

    // Follows the key's path down to the leaf or empty subtree it ends at, collecting the siblings passed.
    private StateProofLeaf? Descend(Hash256 key, ulong version, List<Hash256>? siblings)
    {
        var next = RetainedRoot(version).Node;
        var path = StateTreePath.Root;
        while (next is { } reference)
        {
            var node = StateTreeReader.Read(_store, reference, path);
            if (node is StateLeafNode leaf)
                return new StateProofLeaf(leaf.Key, leaf.Value);
            var inner = (StateInternalNode)node;
            var bit = StateTreeScheme.BitAt(key, path.Depth);
            siblings?.Add(inner.Child(1 - bit)?.Hash ?? Hash256.Zero);
            next = inner.Child(bit);
            path = path.Child(bit);
        }
        return null;
    }

    private StateTreeRoot RetainedRoot(ulong version) =>
        _store.GetRoot(version) ?? throw new ArgumentException(
            $"version {version} is not retained (retained: {Show(_store.OldestVersion)} to {Show(_store.LatestVersion)})", nameof(version));

    private static string Show(ulong? version) => version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
