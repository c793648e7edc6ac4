using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Chain;

/// <summary>Where a node keeps every block it accepted, durably and in arrival order (the silo provides it).</summary>
public interface IBlockArchive
{
    /// <summary>
    /// Keeps the block: it can be read at once, and it is durable no later than any epoch executed after this call,
    /// so a restart never finds an executed epoch without its blocks. Storing it again is harmless.
    /// </summary>
    Task SaveAsync(Block block, long arrivalIndex);

    /// <summary>Every stored block in arrival order, to rebuild the tree-graph after a restart.</summary>
    Task<IReadOnlyList<Block>> LoadAllAsync();

    Task<Block?> GetAsync(Hash256 id);
}
