namespace BriOrleans.Consensus;

/// <summary>
/// How one insertion changed the epochs: epochs below <see cref="FirstChangedEpoch"/> stand; a node
/// rolls back <see cref="Removed"/> (last first) and then executes <see cref="Added"/> in order.
/// </summary>
public sealed record EpochChange(int FirstChangedEpoch, IReadOnlyList<OrderedEpoch> Removed, IReadOnlyList<OrderedEpoch> Added)
{
    public bool IsEmpty => Removed.Count == 0 && Added.Count == 0;

    /// <summary>True when epochs that were already ordered were replaced (a pivot switch).</summary>
    public bool IsReorg => Removed.Count > 0;

    public static EpochChange None(int epochCount) => new(epochCount, [], []);
}
