using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>A stored block and the index at which it arrived: the order to replay into the tree-graph at restart.</summary>
public sealed record StoredBlock(Block Block, long ArrivalIndex);
