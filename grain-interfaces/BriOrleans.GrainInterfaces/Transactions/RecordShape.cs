using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json.Nodes;
using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.Transactions;

/// <summary>
/// Maps transaction records to EIP-712 and back: a record's constructor parameters, in order, are the fields of
/// its struct. Address → address, ulong → uint64, BigInteger → uint256, Hash256 → bytes32, string, bool,
/// IReadOnlyList&lt;T&gt; → T[], and a nested record → a struct named after it.
/// </summary>
internal static class RecordShape
{
    public static ConstructorInfo ConstructorOf(Type record)
    {
        var constructors = record.GetConstructors();
        return constructors.Length == 1
            ? constructors[0]
            : throw new ArgumentException($"{record.Name} must have exactly one public constructor", nameof(record));
    }

    public static string FieldName(ParameterInfo parameter) => s_fieldNames.GetOrAdd(parameter, static p => JsonNamingPolicyCamel(p.Name!));

    // Records' constructor parameters are few and fixed: each name is camel-cased once, not once per transaction.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ParameterInfo, string> s_fieldNames = new();

    /// <summary>Adds the struct of <paramref name="record"/> and every struct it uses to <paramref name="structs"/>.</summary>
    public static void Describe(Type record, IDictionary<string, IReadOnlyList<TypedDataField>> structs)
    {
        if (structs.ContainsKey(record.Name))
            return;
        var fields = new List<TypedDataField>();
        structs[record.Name] = fields;
        foreach (var parameter in ConstructorOf(record).GetParameters())
            fields.Add(new TypedDataField(FieldName(parameter), TypeOf(parameter.ParameterType, structs)));
    }

    private static string TypeOf(Type type, IDictionary<string, IReadOnlyList<TypedDataField>> structs)
    {
        if (type == typeof(Address)) return "address";
        if (type == typeof(ulong)) return "uint64";
        if (type == typeof(BigInteger)) return "uint256";
        if (type == typeof(Hash256)) return "bytes32";
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "bool";
        if (ElementOf(type) is { } element) return TypeOf(element, structs) + "[]";
        if (type.IsClass && type.GetConstructors().Length == 1)
        {
            Describe(type, structs);
            return type.Name;
        }
        throw new ArgumentException($"{type.Name} has no EIP-712 type", nameof(type));
    }

    private static Type? ElementOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    public static JsonNode ToJson(object value) => value switch
    {
        Address a => JsonValue.Create(a.ToString()),
        ulong u => JsonValue.Create(u),
        BigInteger b => JsonValue.Create(b.ToString(CultureInfo.InvariantCulture)),
        Hash256 h => JsonValue.Create(h.ToString()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object>().Select(ToJson).ToArray()),
        _ => RecordToJson(value),
    };

    private static JsonObject RecordToJson(object record)
    {
        var json = new JsonObject();
        var type = record.GetType();
        foreach (var parameter in ConstructorOf(type).GetParameters())
            json[FieldName(parameter)] = ToJson(type.GetProperty(parameter.Name!)!.GetValue(record)!);
        return json;
    }

    /// <summary>Reads a record from a message that <see cref="Eip712.HashStruct"/> has already validated.</summary>
    public static object FromJson(Type record, JsonObject json, string path)
    {
        var parameters = ConstructorOf(record).GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = FieldName(parameters[i]);
            var node = json[name] ?? throw new TypedDataException($"{path}.{name}", $"missing field '{name}'");
            arguments[i] = ValueFromJson(parameters[i].ParameterType, node, $"{path}.{name}");
        }
        return ConstructorOf(record).Invoke(arguments);
    }

    private static object ValueFromJson(Type type, JsonNode node, string path)
    {
        try
        {
            if (type == typeof(Address)) return Address.Parse(node.GetValue<string>());
            if (type == typeof(ulong)) return (ulong)TypedDataIntegers.Read(node, "uint64", path);
            if (type == typeof(BigInteger)) return TypedDataIntegers.Read(node, "uint256", path);
            if (type == typeof(Hash256)) return Hash256.Parse(node.GetValue<string>());
            if (type == typeof(string)) return node.GetValue<string>();
            if (type == typeof(bool)) return node.GetValue<bool>();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new TypedDataException(path, e.Message);
        }
        if (ElementOf(type) is { } element)
        {
            var items = node.AsArray();
            var list = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
                list.SetValue(ValueFromJson(element, items[i]!, $"{path}[{i}]"), i);
            return list;
        }
        return FromJson(type, node.AsObject(), path);
    }

    /// <summary>The canonical encoding of a record: an RLP list of its fields in constructor order.</summary>
    public static RlpItem ToRlp(object value) => value switch
    {
        Address a => RlpItem.Of(a.ToArray()),
        ulong u => RlpItem.Of(u),
        BigInteger b => RlpItem.Of(b),
        Hash256 h => RlpItem.Of(h.ToArray()),
        string s => RlpItem.Of(s),
        bool b => RlpItem.Of(b),
        System.Collections.IEnumerable list => new RlpItem.List(list.Cast<object>().Select(ToRlp).ToArray()),
        _ => new RlpItem.List(ConstructorOf(value.GetType()).GetParameters()
            .Select(p => ToRlp(value.GetType().GetProperty(p.Name!)!.GetValue(value)!)).ToArray()),
    };

    /// <summary>Reads a record back from its canonical encoding; any other shape is an <see cref="RlpException"/>.</summary>
    public static object FromRlp(Type type, RlpItem item)
    {
        if (type == typeof(Address)) return new Address(FixedLength(item, Address.Length));
        if (type == typeof(ulong)) return item.AsUInt64();
        if (type == typeof(BigInteger)) return ReadBigInteger(item);
        if (type == typeof(Hash256)) return new Hash256(FixedLength(item, Hash256.Length));
        if (type == typeof(string)) return item.AsString();
        if (type == typeof(bool)) return item.AsUInt64() switch { 0 => false, 1 => true, _ => throw new RlpException("a bool is 0 or 1") };
        var items = item.AsList();
        if (ElementOf(type) is { } element)
        {
            var list = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
                list.SetValue(FromRlp(element, items[i]), i);
            return list;
        }
        var parameters = ConstructorOf(type).GetParameters();
        if (items.Count != parameters.Length)
            throw new RlpException($"{type.Name} has {parameters.Length} fields, found {items.Count}");
        return ConstructorOf(type).Invoke(parameters.Select((p, i) => FromRlp(p.ParameterType, items[i])).ToArray());
    }

    private static ReadOnlySpan<byte> FixedLength(RlpItem item, int length)
    {
        var bytes = item.AsBytes();
        return bytes.Length == length ? bytes : throw new RlpException($"expected {length} bytes, found {bytes.Length}");
    }

    private static BigInteger ReadBigInteger(RlpItem item)
    {
        var bytes = item.AsBytes();
        if (bytes.Length > 32 || (bytes.Length > 0 && bytes[0] == 0))
            throw new RlpException("a uint256 is at most 32 bytes with no leading zero");
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
