using System.Text.Json;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.Transactions;

/// <summary>
/// Every transaction kind of the ledger under the EIP-712 domain <c>{name: "BriOrleans", version: "1", chainId}</c>,
/// and the decoding of signed typed data back into a transaction record.
/// </summary>
public static class TransactionCatalog
{
    public const string DomainName = "BriOrleans";
    public const string DomainVersion = "1";

    private static readonly TransactionKind[] Kinds = typeof(ITransaction).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(ITransaction).IsAssignableFrom(t))
        .Select(t => new TransactionKind(t))
        .OrderBy(k => k.Name, StringComparer.Ordinal)
        .ToArray();

    private static readonly Dictionary<string, TransactionKind> ByName = Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, TransactionKind> ByPrimaryType = Kinds.ToDictionary(k => k.PrimaryType, StringComparer.Ordinal);
    private static readonly Dictionary<Type, TransactionKind> ByRecord = Kinds.ToDictionary(k => k.RecordType);

    public static IReadOnlyList<TransactionKind> All => Kinds;

    public static bool TryGet(string name, out TransactionKind kind) => ByName.TryGetValue(name, out kind!);

    public static TransactionKind Of(ITransaction tx) => ByRecord[tx.GetType()];

    /// <summary>The EIP-712 domain of the network <paramref name="chainId"/>.</summary>
    public static JsonObject Domain(ulong chainId) => new()
    {
        ["name"] = DomainName,
        ["version"] = DomainVersion,
        ["chainId"] = chainId,
    };

    /// <summary>
    /// The transaction in signed typed data, with the EIP-712 digest its signature covers (the transaction's hash),
    /// after checking domain, kind and types against this catalog and every value against its type.
    /// </summary>
    public static (ITransaction Transaction, Hash256 Digest) Decode(TypedDataDocument document, ulong chainId)
    {
        if (!ByPrimaryType.TryGetValue(document.PrimaryType, out var kind))
            throw new InvalidTransactionException(TransactionErrors.UnknownKind,
                $"'{document.PrimaryType}' is not a transaction kind; see GET /v1/schema");
        CheckDomain(document.DomainElement, chainId);
        foreach (var (name, fields) in kind.Types)
        {
            if (!document.Types.TryGetValue(name, out var given) || !given.SequenceEqual(fields))
                throw new InvalidTransactionException(TransactionErrors.SchemaMismatch,
                    $"type '{name}' differs from the published definition of {kind.PrimaryType}; see GET /v1/schema");
        }
        var digest = Eip712.Digest(DomainSeparator(document, chainId), document);
        return (kind.FromMessage(document.MessageElement), digest);
    }

    // The domain passed CheckDomain, so it is {name: DomainName, version: DomainVersion, chainId} under the standard
    // EIP712Domain type (a declared type that differs from the domain's keys is refused): one separator per chain.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, Hash256> s_separators = new();

    private static Hash256 DomainSeparator(TypedDataDocument document, ulong chainId) =>
        s_separators.TryGetValue(chainId, out var separator) ? separator : s_separators.GetOrAdd(chainId, Eip712.DomainSeparator(document));

    private static void CheckDomain(JsonElement domain, ulong chainId)
    {
        if (!IsText(domain, "name", DomainName) || !IsText(domain, "version", DomainVersion) || domain.GetPropertyCount() != 3)
            throw new InvalidTransactionException(TransactionErrors.WrongDomain,
                $"the EIP-712 domain must be exactly {{name: \"{DomainName}\", version: \"{DomainVersion}\", chainId}}");
        var given = domain.TryGetProperty("chainId", out var value) && value.ValueKind != JsonValueKind.Null
            ? TypedDataIntegers.Read(value, "uint256", "domain.chainId")
            : -1;
        if (given != chainId)
            throw new InvalidTransactionException(TransactionErrors.WrongChainId,
                $"chainId {given} is not this network's chain id {chainId}");
    }

    // Compared as UTF-8 in place; a string whose escapes are not text equals nothing.
    private static bool IsText(JsonElement domain, string name, string expected) =>
        domain.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.ValueEquals(expected);

    internal static JsonObject TypedDataJson(TransactionKind kind, JsonObject message, ulong chainId)
    {
        var types = new JsonObject
        {
            ["EIP712Domain"] = new JsonArray(
                Field("name", "string"), Field("version", "string"), Field("chainId", "uint256")),
        };
        foreach (var (name, fields) in kind.Types)
            types[name] = new JsonArray(fields.Select(f => Field(f.Name, f.Type)).ToArray<JsonNode?>());
        return new JsonObject
        {
            ["types"] = types,
            ["primaryType"] = kind.PrimaryType,
            ["domain"] = Domain(chainId),
            ["message"] = message,
        };
    }

    private static JsonObject Field(string name, string type) => new() { ["name"] = name, ["type"] = type };
}
