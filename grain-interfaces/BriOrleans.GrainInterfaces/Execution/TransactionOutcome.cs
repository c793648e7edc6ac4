namespace BriOrleans.Execution;

/// <summary>
/// The result of applying one transaction. <see cref="Executed"/> changed state; <see cref="Failed"/> broke a
/// rule and changed nothing but the sender's nonce; the two skips leave no receipt at all: a nonce already used
/// (the same transaction seen again in a concurrent block) or a nonce ahead of the account (it goes back to the pool).
/// </summary>
public sealed record TransactionOutcome(OutcomeKind Kind, string ReasonCode = "", string Message = "")
{
    public static readonly TransactionOutcome Executed = new(OutcomeKind.Executed);
    public static readonly TransactionOutcome NonceUsed = new(OutcomeKind.SkippedNonceUsed);
    public static readonly TransactionOutcome NonceAhead = new(OutcomeKind.SkippedNonceAhead);

    public static TransactionOutcome Failed(string reasonCode, string message) => new(OutcomeKind.Failed, reasonCode, message);

    public bool LeavesReceipt => Kind is OutcomeKind.Executed or OutcomeKind.Failed;
}

public enum OutcomeKind
{
    Executed,
    Failed,
    SkippedNonceUsed,
    SkippedNonceAhead,
}
