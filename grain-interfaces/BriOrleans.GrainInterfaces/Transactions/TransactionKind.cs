using System.Reflection;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.Transactions;

/// <summary>
/// One transaction kind as the node, the SDK and the published schema all see it: its CLI name, its EIP-712
/// primary type and struct definitions, derived from the kind's record so that there is one definition only.
/// </summary>
public sealed class TransactionKind
{
    internal TransactionKind(Type recordType)
    {
        var attribute = recordType.GetCustomAttribute<TransactionKindAttribute>()
            ?? throw new ArgumentException($"{recordType.Name} lacks [TransactionKind]", nameof(recordType));
        RecordType = recordType;
        Name = attribute.Name;
        PrimaryType = recordType.Name;
        Constructor = RecordShape.ConstructorOf(recordType);
        var structs = new SortedDictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        RecordShape.Describe(recordType, structs);
        Types = structs;
        if (Fields.Count < 2 || Fields[0].Name != "from" || Fields[0].Type != "address" || Fields[1].Name != "nonce" || Fields[1].Type != "uint64")
            throw new ArgumentException($"{recordType.Name} must start with (Address From, ulong Nonce)", nameof(recordType));
    }

    /// <summary>The kind's name in the CLI and API, e.g. <c>register-organization</c>.</summary>
    public string Name { get; }

    /// <summary>The EIP-712 primary type, e.g. <c>RegisterOrganization</c>.</summary>
    public string PrimaryType { get; }

    public Type RecordType { get; }

    internal ConstructorInfo Constructor { get; }

    /// <summary>The primary type and every struct it uses, without <c>EIP712Domain</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; }

    public IReadOnlyList<TypedDataField> Fields => Types[PrimaryType];

    /// <summary>Top-level fields a caller may leave out; they take the record's default (an empty string).</summary>
    public IReadOnlySet<string> OptionalFields =>
        Constructor.GetParameters().Where(p => p.HasDefaultValue).Select(p => RecordShape.FieldName(p)).ToHashSet();

    /// <summary>The typed data a signer signs for <paramref name="tx"/> on the network <paramref name="chainId"/>.</summary>
    public TypedDataDocument ToTypedData(ITransaction tx, ulong chainId)
    {
        if (tx.GetType() != RecordType)
            throw new ArgumentException($"a {tx.GetType().Name} is not a {PrimaryType}", nameof(tx));
        return TypedDataDocument.FromJson(TransactionCatalog.TypedDataJson(this, (System.Text.Json.Nodes.JsonObject)RecordShape.ToJson(tx), chainId));
    }

    /// <summary>The EIP-712 digest of <paramref name="tx"/>: what its signer signs, and its hash on the ledger.</summary>
    public Hash256 Digest(ITransaction tx, ulong chainId) => Eip712.Digest(ToTypedData(tx, chainId));

    /// <summary>
    /// Completes a caller's message (adds <c>from</c>, <c>nonce</c> and omitted optional fields) and returns the
    /// typed data to sign. A missing required field or a value of the wrong type is a <see cref="TypedDataException"/>.
    /// </summary>
    public TypedDataDocument Prepare(System.Text.Json.Nodes.JsonObject fields, Address from, ulong nonce, ulong chainId)
    {
        var message = new System.Text.Json.Nodes.JsonObject
        {
            ["from"] = from.ToString(),
            ["nonce"] = nonce,
        };
        foreach (var parameter in Constructor.GetParameters().Skip(2))
        {
            var name = RecordShape.FieldName(parameter);
            if (fields[name] is { } value)
                message[name] = value.DeepClone();
            else if (parameter.HasDefaultValue)
                message[name] = RecordShape.ToJson(parameter.DefaultValue!);
            else
                throw new TypedDataException("message." + name, $"missing field '{name}' of {PrimaryType}");
        }
        foreach (var (name, _) in fields)
            if (name is "from" or "nonce" || !Fields.Any(f => f.Name == name))
                throw new TypedDataException("message." + name, $"{PrimaryType} has no field '{name}' to fill in");
        var document = TypedDataDocument.FromJson(TransactionCatalog.TypedDataJson(this, message, chainId));
        Eip712.Digest(document); // validates every value, naming the field
        return document;
    }

    /// <summary>Reads the record out of a validated message.</summary>
    internal ITransaction FromMessage(System.Text.Json.JsonElement message) =>
        (ITransaction)RecordShape.FromJson(RecordType, message, "message");

    public override string ToString() => Name;
}
