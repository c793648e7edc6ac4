using BriOrleans.Runtime;

namespace BriOrleans.Chain;

/// <summary>A block (key: its id, lower-case 0x hex): serves the block and its place in the tree-graph.</summary>
public interface IBlockGrain : IGrainWithStringKey
{
    Task<BlockView?> GetAsync();
}
