namespace BriOrleans.Transactions;

/// <summary>A transaction refused before it is stored: a stable code for programs and a message for people.</summary>
public sealed class InvalidTransactionException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Stable error codes for transactions refused at the door.</summary>
public static class TransactionErrors
{
    public const string UnknownKind = "unknown_kind";
    public const string SchemaMismatch = "schema_mismatch";
    public const string WrongDomain = "wrong_domain";
    public const string WrongChainId = "wrong_chain_id";
}
