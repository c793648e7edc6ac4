namespace BriOrleans.Consensus;

/// <summary>
/// One epoch in execution order, pivot block last. <see cref="Skipped"/> is the leading part beyond
/// the epoch block bound: still in the total order, but its transactions are not executed.
/// </summary>
public sealed record OrderedEpoch(int Number, string Pivot, IReadOnlyList<string> Blocks, IReadOnlyList<string> Skipped)
{
    /// <summary>The blocks whose transactions run: the last <c>EpochBlockBound</c> blocks.</summary>
    public IEnumerable<string> Executed => Blocks.Skip(Skipped.Count);

    internal static IReadOnlyList<string> SkippedPart(IReadOnlyList<string> blocks, int epochBlockBound) =>
        blocks.Count > epochBlockBound ? blocks.Take(blocks.Count - epochBlockBound).ToArray() : [];
}
