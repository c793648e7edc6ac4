using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriOrleans.TypedData;

/// <summary>
/// EIP-712 typed data as wallets and ethers exchange it: <c>types</c>, <c>primaryType</c>, <c>domain</c>,
/// <c>message</c>. Construction checks the shape, the types and the domain; values are checked when
/// hashed (<see cref="Eip712"/>). The document keeps its own copy of domain and message as JSON values, which
/// hashing and decoding read in place.
/// </summary>
public sealed class TypedDataDocument
{
    private static readonly string[] s_topLevelKeys = ["types", "primaryType", "domain", "message"];

    private readonly TypedDataSchema _schema;

    /// <summary>
    /// Builds a document; when <paramref name="types"/> has no EIP712Domain it is derived from the keys of
    /// <paramref name="domain"/> in the standard order (as ethers does). Types are kept sorted by name.
    /// </summary>
    public TypedDataDocument(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, string primaryType, JsonObject domain, JsonObject message)
        : this([.. (types ?? throw new ArgumentNullException(nameof(types))).OrderBy(t => t.Key, StringComparer.Ordinal)], primaryType,
            TypedDataJsonText.ToElement(domain ?? throw new ArgumentNullException(nameof(domain))),
            TypedDataJsonText.ToElement(message ?? throw new ArgumentNullException(nameof(message))))
    {
    }

    private TypedDataDocument(List<KeyValuePair<string, IReadOnlyList<TypedDataField>>> types, string primaryType, JsonElement domain, JsonElement message)
    {
        ArgumentNullException.ThrowIfNull(primaryType);
        var declared = types.FindIndex(t => t.Key == DomainType.Name);
        DeclaresDomain = declared >= 0;
        if (DeclaresDomain)
            DomainType.CheckDeclared(types[declared].Value, domain);
        else
            types.Insert(0, KeyValuePair.Create(DomainType.Name, DomainType.Derive(domain)));
        _schema = TypedDataSchema.FromOrdered(types);
        PrimaryType = primaryType;
        DomainElement = domain;
        MessageElement = message;
        CheckPrimaryType();
    }

    /// <summary>Every struct type, EIP712Domain included.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types => _schema;

    public string PrimaryType { get; }

    /// <summary>The domain as a JSON tree of its own: changing it changes nothing in the document.</summary>
    public JsonObject Domain => JsonObject.Create(DomainElement)!;

    /// <summary>The message as a JSON tree of its own: changing it changes nothing in the document.</summary>
    public JsonObject Message => JsonObject.Create(MessageElement)!;

    internal JsonElement DomainElement { get; }
    internal JsonElement MessageElement { get; }

    /// <summary>Parses typed data JSON; bad JSON and bad typed data are both a <see cref="TypedDataException"/>.</summary>
    public static TypedDataDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJson(TypedDataJsonText.Parse(json));
    }

    /// <summary>Reads typed data from a JSON tree, which it copies.</summary>
    public static TypedDataDocument FromJson(JsonNode? node)
    {
        if (node is not JsonObject root)
            throw new TypedDataException("", $"typed data is a JSON object with {string.Join(", ", s_topLevelKeys)}; got {TypedDataPath.Describe(node)}");
        foreach (var (key, _) in root)
            if (!s_topLevelKeys.Contains(key))
                throw new TypedDataException(key, $"unknown key '{key}': typed data has only {string.Join(", ", s_topLevelKeys)}");
        var types = ReadTypes(Required(root, "types"));
        if (!TypedDataPath.TryGetString(Required(root, "primaryType"), "primaryType", out var primaryType))
            throw new TypedDataException("primaryType", $"expected the name of a type, got {TypedDataPath.Describe(root["primaryType"])}");
        var domain = TypedDataJsonText.ToElement(RequiredObject(root, "domain"));
        var message = TypedDataJsonText.ToElement(RequiredObject(root, "message"));
        return new TypedDataDocument(types, primaryType, domain, message);
    }

    /// <summary>
    /// Reads typed data from a parsed JSON value, which it copies. Typed data whose types and primary type are the
    /// same JSON text as an earlier one's (with a declared EIP712Domain) reuse that schema without reading it again:
    /// every transaction of a kind carries the same types.
    /// </summary>
    public static TypedDataDocument FromJson(JsonElement element)
    {
        if (KnownSchemas.Find(element) is { } known)
        {
            // Only the domain and the message are copied: the types, most of the text, are the known schema's.
            var domain = element.GetProperty("domain").Clone();
            DomainType.CheckDeclared(known.Schema[DomainType.Name], domain);
            return new TypedDataDocument(known.Schema, known.PrimaryType, domain, element.GetProperty("message").Clone());
        }
        // First sight of these types, or something wrong that the full reading names.
        var document = FromJson(JsonSerializer.SerializeToNode(element));
        if (document.DeclaresDomain)
            KnownSchemas.Add(element, document._schema, document.PrimaryType);
        return document;
    }

    // A schema read, checked against its primary type and kept: only the domain is new.
    private TypedDataDocument(TypedDataSchema schema, string primaryType, JsonElement domain, JsonElement message)
    {
        _schema = schema;
        PrimaryType = primaryType;
        DomainElement = domain;
        MessageElement = message;
        DeclaresDomain = true;
    }

    // Whether the JSON declared the EIP712Domain type; when derived from the domain's keys, the schema depends on the domain.
    private bool DeclaresDomain { get; }

    /// <summary>The standard JSON form, with the EIP712Domain type always present.</summary>
    public JsonObject ToJson()
    {
        var types = new JsonObject();
        foreach (var (name, fields) in _schema)
            types[name] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);
        return new JsonObject
        {
            ["types"] = types,
            ["primaryType"] = PrimaryType,
            ["domain"] = Domain,
            ["message"] = Message,
        };
    }

    internal TypedDataSchema Schema => _schema;

    /// <summary>The primary type must be a message type, and every other type must serve it (ethers rejects unused types).</summary>
    private void CheckPrimaryType()
    {
        if (PrimaryType == DomainType.Name)
            throw new TypedDataException("primaryType", $"the primary type is the message's type, not {DomainType.Name}");
        if (!_schema.ContainsKey(PrimaryType))
            throw new TypedDataException("primaryType", $"unknown type '{PrimaryType}'");
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([PrimaryType]);
        while (pending.TryPop(out var name))
        {
            if (!used.Add(name))
                continue;
            var fields = _schema.Struct(name, $"types.{name}").Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Type.BaseStruct is not { } child)
                    continue;
                if (child == DomainType.Name)
                    throw new TypedDataException($"types.{name}[{i}].type", $"{DomainType.Name} is the domain's type and cannot be a field type");
                pending.Push(child);
            }
        }
        foreach (var name in _schema.Keys.Order(StringComparer.Ordinal))
            if (name != DomainType.Name && !used.Contains(name))
                throw new TypedDataException($"types.{name}", $"type '{name}' is not used by primary type '{PrimaryType}' (ethers rejects unused types)");
    }

    private static List<KeyValuePair<string, IReadOnlyList<TypedDataField>>> ReadTypes(JsonNode node)
    {
        if (node is not JsonObject types)
            throw new TypedDataException("types", $"expected an object of type definitions, got {TypedDataPath.Describe(node)}");
        var result = new List<KeyValuePair<string, IReadOnlyList<TypedDataField>>>();
        foreach (var (name, definition) in types)
        {
            var path = $"types.{name}";
            if (definition is not JsonArray fields)
                throw new TypedDataException(path, $"expected an array of fields, got {TypedDataPath.Describe(definition)}");
            var list = new List<TypedDataField>(fields.Count);
            for (var i = 0; i < fields.Count; i++)
                list.Add(ReadField(fields[i], $"{path}[{i}]"));
            result.Add(KeyValuePair.Create(name, (IReadOnlyList<TypedDataField>)list));
        }
        return result;
    }

    private static TypedDataField ReadField(JsonNode? node, string path)
    {
        if (node is not JsonObject field)
            throw new TypedDataException(path, $"a field is {{\"name\": ..., \"type\": ...}}, got {TypedDataPath.Describe(node)}");
        foreach (var (key, _) in field)
            if (key is not ("name" or "type"))
                throw new TypedDataException($"{path}.{key}", $"unknown key '{key}': a field has only name and type");
        if (!TypedDataPath.TryGetString(field["name"], $"{path}.name", out var name))
            throw new TypedDataException($"{path}.name", $"expected the field's name, got {TypedDataPath.Describe(field["name"])}");
        if (!TypedDataPath.TryGetString(field["type"], $"{path}.type", out var type))
            throw new TypedDataException($"{path}.type", $"expected the field's type, got {TypedDataPath.Describe(field["type"])}");
        return new TypedDataField(name, type);
    }

    private static JsonNode Required(JsonObject root, string key) =>
        root.TryGetPropertyValue(key, out var value) && value is not null
            ? value
            : throw new TypedDataException(key, $"missing '{key}'");

    private static JsonObject RequiredObject(JsonObject root, string key) =>
        Required(root, key) as JsonObject
            ?? throw new TypedDataException(key, $"expected an object, got {TypedDataPath.Describe(root[key])}");
}
