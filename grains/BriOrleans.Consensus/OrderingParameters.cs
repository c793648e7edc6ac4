namespace BriOrleans.Consensus;

/// <summary>The parameters of the tree-graph ordering that are not fixed by the protocol.</summary>
public sealed record OrderingParameters(int EpochBlockBound = OrderingParameters.DefaultEpochBlockBound,
    InvalidBlockPolicy InvalidPolicy = InvalidBlockPolicy.Count)
{
    /// <summary>conflux-rust's EPOCH_EXECUTED_BLOCK_BOUND: only the last 200 blocks of an epoch execute.</summary>
    public const int DefaultEpochBlockBound = 200;

    /// <summary>At most this many referees per block (REFEREE_DEFAULT_BOUND); a hard validity check.</summary>
    public const int RefereeBound = 200;

    public static readonly OrderingParameters Default = new();

    /// <summary>Throws on a bound below 1 or an undefined policy, which are programming errors.</summary>
    public OrderingParameters Checked()
    {
        if (EpochBlockBound < 1)
            throw new ArgumentOutOfRangeException(nameof(EpochBlockBound), EpochBlockBound, "the epoch block bound must be at least 1");
        if (!Enum.IsDefined(InvalidPolicy))
            throw new ArgumentOutOfRangeException(nameof(InvalidPolicy), InvalidPolicy, "unknown invalid-block policy");
        return this;
    }
}
