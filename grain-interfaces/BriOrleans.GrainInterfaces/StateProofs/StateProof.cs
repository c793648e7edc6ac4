using System.Text.Json;
using System.Text.Json.Serialization;
using BriOrleans.Crypto;

namespace BriOrleans.StateProofs;

/// <summary>
/// Evidence that a key holds a value under a state root (inclusion) or holds nothing (exclusion). It follows
/// the key's path down from the root: the sibling hash at each depth, then what the path ends at — the key's
/// own leaf (inclusion), another leaf that alone fills the subtree on the key's path (exclusion), or an empty
/// subtree (exclusion). Check it with <see cref="StateProofVerifier"/>; its JSON form is
/// {"key":"0x…","leaf":{"key":"0x…","value":"0x…"},"siblings":["0x…",…]}, siblings root first, "leaf" absent
/// when the path ends at an empty subtree.
/// </summary>
[JsonConverter(typeof(StateProofJsonConverter))]
public sealed class StateProof
{
    public StateProof(Hash256 key, StateProofLeaf? leaf, IEnumerable<Hash256> siblings)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        var path = siblings.ToArray();
        if (path.Length > StateTreeScheme.MaxDepth)
            throw new ArgumentException(
                $"a state proof has at most {StateTreeScheme.MaxDepth} siblings, got {path.Length}", nameof(siblings));
        Key = key;
        Leaf = leaf;
        Siblings = Array.AsReadOnly(path);
    }

    /// <summary>The key the proof is about.</summary>
    public Hash256 Key { get; }

    /// <summary>The leaf the key's path ends at, or null when it ends at an empty subtree.</summary>
    public StateProofLeaf? Leaf { get; }

    /// <summary>The sibling hash at each depth of the key's path, the root's children first.</summary>
    public IReadOnlyList<Hash256> Siblings { get; }

    /// <summary>Whether the proof shows the key present (its own leaf ends the path).</summary>
    public bool IsInclusion => Leaf is { } leaf && leaf.Key == Key;

    /// <summary>The value hash the proof shows for the key, or null for an exclusion proof.</summary>
    public Hash256? Value => Leaf is { } leaf && leaf.Key == Key ? leaf.Value : null;

    /// <summary>The root this proof leads to; it proves something only if that is the trusted root.</summary>
    public Hash256 ComputeRoot()
    {
        var hash = Leaf is { } leaf ? StateTreeScheme.LeafHash(leaf.Key, leaf.Value) : StateTreeScheme.EmptyHash;
        for (var depth = Siblings.Count - 1; depth >= 0; depth--)
            hash = StateTreeScheme.BitAt(Key, depth) == 0
                ? StateTreeScheme.InternalHash(hash, Siblings[depth])
                : StateTreeScheme.InternalHash(Siblings[depth], hash);
        return hash;
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads the JSON form; throws <see cref="JsonException"/> naming what is malformed.</summary>
    public static StateProof FromJson(string json) =>
        JsonSerializer.Deserialize<StateProof>(json) ?? throw new JsonException("a state proof is a JSON object, got null");
}
