namespace BriOrleans.Consensus;

/// <summary>
/// Everything the tree-graph decides about a DAG: pivot chain, epochs, total order, what waits,
/// tips, the next honest block, subtree weights and parent-choice validity.
/// </summary>
public sealed record TreeGraphOrdering(
    IReadOnlyList<string> PivotChain,
    IReadOnlyList<OrderedEpoch> Epochs,
    IReadOnlyList<string> NotYetOrdered,
    IReadOnlyList<string> Tips,
    NextBlockChoice NextBlock,
    IReadOnlyDictionary<string, long> SubtreeWeights,
    IReadOnlyDictionary<string, bool> ParentChoiceValid,
    IReadOnlyList<string> PivotTipAfterEachArrival)
{
    /// <summary>Epochs in pivot order, each in its own order.</summary>
    public IReadOnlyList<string> TotalOrder => [.. Epochs.SelectMany(e => e.Blocks)];

    /// <summary>The total order without the skipped blocks.</summary>
    public IReadOnlyList<string> ExecutedOrder => [.. Epochs.SelectMany(e => e.Executed)];

    public bool AnySkipped => Epochs.Any(e => e.Skipped.Count > 0);

    public bool AllParentChoicesValid => ParentChoiceValid.Values.All(valid => valid);
}
