namespace BriOrleans.Consensus;

/// <summary>What weight a block gets when its parent is not the pivot tip of its own past.</summary>
public enum InvalidBlockPolicy
{
    /// <summary>Every block keeps its weight and can be walked by the pivot chain (conflux-rust bench mode).</summary>
    Count,

    /// <summary>An invalid block weighs 0, is never walked, is no tip, and its edges remove no tip.</summary>
    Zero,
}
