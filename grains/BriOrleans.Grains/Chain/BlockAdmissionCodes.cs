namespace BriOrleans.Grains.Chain;

/// <summary>Stable reasons a block is refused by the pivot chain.</summary>
public static class BlockAdmissionCodes
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate_block";
    public const string WrongChain = "wrong_chain";
    public const string NotValidator = "not_a_validator";
    public const string Malformed = "invalid_block";
    public const string UnknownPredecessor = "unknown_predecessor";
    public const string BadHeight = "bad_height";
    public const string TimestampBeforeParent = "timestamp_before_parent";
    public const string FromTheFuture = "from_the_future";
    public const string TooFast = "rate_exceeded";
    public const string TooLarge = "block_too_large";
}
