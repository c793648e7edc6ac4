namespace BriOrleans.Consensus;

/// <summary>Why a block cannot enter the tree-graph at all (as opposed to a wrong parent choice, which it survives).</summary>
public enum RejectionKind
{
    MissingId,
    DuplicateId,
    DuplicateHash,
    NegativeWeight,
    GenesisWithEdges,
    SecondGenesis,
    UnknownPredecessor,
    DuplicatePredecessor,
    TooManyReferees,
}

/// <summary>A block refused by the tree-graph, with a message that names the block and the offending field.</summary>
public sealed record BlockRejection(string BlockId, RejectionKind Kind, string Message);
