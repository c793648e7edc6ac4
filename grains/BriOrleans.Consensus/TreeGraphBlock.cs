using BriOrleans.Crypto;

namespace BriOrleans.Consensus;

/// <summary>
/// A block as the tree-graph sees it: its id, its parent (null only for the genesis), its referees,
/// its hash (the tie-break) and its weight before the invalid-block policy is applied.
/// </summary>
public sealed record TreeGraphBlock(string Id, string? Parent, IReadOnlyList<string> Referees, Hash256 Hash, long Weight = 1)
{
    /// <summary>The genesis block: no parent, no referees.</summary>
    public static TreeGraphBlock Genesis(string id, Hash256 hash) => new(id, null, [], hash);
}
