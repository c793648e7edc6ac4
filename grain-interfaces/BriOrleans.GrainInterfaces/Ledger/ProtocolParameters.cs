namespace BriOrleans.Ledger;

/// <summary>The protocol parameters a genesis file fixes for the whole network (CONSENSUS.md).</summary>
public sealed record ProtocolParameters
{
    /// <summary>Only the last this-many blocks of an ordered epoch are executed.</summary>
    public int EpochBlockBound { get; init; } = 200;

    /// <summary>A block at height h commits the state after the epoch of its ancestor at h minus this.</summary>
    public int DeferredEpochs { get; init; } = 5;

    public int RefereeBound { get; init; } = 200;

    public int MaxBlockTransactions { get; init; } = 4000;

    /// <summary>Upper bound of a block's encoded size, header and body.</summary>
    public int MaxBlockBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Upper bound of one transaction as submitted to the API (its JSON).</summary>
    public int MaxTransactionBytes { get; init; } = 32 * 1024;

    /// <summary>Blocks of one validator are at least this far apart by timestamp.</summary>
    public ulong MinBlockIntervalMs { get; init; } = 50;

    /// <summary>A block stamped further than this in the future waits.</summary>
    public ulong MaxClockDriftMs { get; init; } = 2000;

    /// <summary>How far ahead of an account's next nonce the pool accepts transactions.</summary>
    public ulong NonceWindow { get; init; } = 1024;

    /// <summary>Every problem with these values, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (EpochBlockBound < 1) yield return "epochBlockBound must be at least 1";
        if (DeferredEpochs < 1) yield return "deferredEpochs must be at least 1";
        if (RefereeBound is < 1 or > 200) yield return "refereeBound must be between 1 and 200";
        if (MaxBlockTransactions < 1) yield return "maxBlockTransactions must be at least 1";
        if (MaxBlockBytes < 1024) yield return "maxBlockBytes must be at least 1024";
        if (MaxTransactionBytes < 1024) yield return "maxTransactionBytes must be at least 1024";
        if (NonceWindow < 1) yield return "nonceWindow must be at least 1";
    }
}
