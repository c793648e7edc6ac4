namespace BriOrleans.GrainInterfaces;

/// <summary>What the nonce rule made of a transaction's nonce.</summary>
public enum NonceUse
{
    /// <summary>The nonce was the account's next one and is now used: the transaction executes or fails.</summary>
    Consumed,

    /// <summary>The nonce was used before: the transaction is skipped (a copy seen again).</summary>
    AlreadyUsed,

    /// <summary>The nonce is beyond the account's next one: the transaction is skipped and waits.</summary>
    Ahead,
}

/// <summary>
/// What the nonce rule did with a transaction of an account, and the account's organization as it stands after
/// (null when the address is no registered organization): the sender check needs both, in one call.
/// </summary>
public readonly record struct NonceCheck(NonceUse Use, OrganizationView? Organization);
