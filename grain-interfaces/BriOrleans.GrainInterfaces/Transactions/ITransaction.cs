using BriOrleans.Crypto;

namespace BriOrleans.Transactions;

/// <summary>
/// A transaction kind: a positional record whose constructor parameters are, in order, the fields of its
/// EIP-712 struct. Every kind starts with the signer (<c>from</c>) and its account nonce.
/// </summary>
public interface ITransaction
{
    Address From { get; }
    ulong Nonce { get; }
}

/// <summary>Names a transaction kind as the CLI and API spell it (kebab case, e.g. <c>register-organization</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TransactionKindAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
