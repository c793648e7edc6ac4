using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
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

    // A record type's constructor, parameters, field names and properties, looked up once: reflection allocates a
    // fresh array for every GetConstructors and GetParameters call, and every transaction is read and written here.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Fields> s_fields = new();

    private sealed class Fields
    {
        public Fields(Type record)
        {
            Constructor = ConstructorOf(record);
            Parameters = Constructor.GetParameters();
            Names = [.. Parameters.Select(FieldName)];
            Properties = [.. Parameters.Select(p => record.GetProperty(p.Name!)
                ?? throw new ArgumentException($"{record.Name} has no property for its parameter {p.Name}", nameof(record)))];
        }

        public ConstructorInfo Constructor { get; }
        public ParameterInfo[] Parameters { get; }
        public string[] Names { get; }
        public PropertyInfo[] Properties { get; }
    }

    private static Fields FieldsOf(Type record) => s_fields.GetOrAdd(record, static t => new Fields(t));

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
        var fields = FieldsOf(record.GetType());
        for (var i = 0; i < fields.Names.Length; i++)
            json[fields.Names[i]] = ToJson(fields.Properties[i].GetValue(record)!);
        return json;
    }

    /// <summary>Reads a record from a message that <see cref="Eip712.HashStruct"/> has already validated.</summary>
    public static object FromJson(Type record, JsonElement json, string path)
    {
        try
        {
            return FromJson(record, json);
        }
        catch (TypedDataException e) when (path.Length > 0)
        {
            throw e.Under(path);
        }
    }

    // Errors carry paths relative to the value at hand, completed on their way out (TypedDataException.Under).
    private static object FromJson(Type record, JsonElement json)
    {
        var fields = FieldsOf(record);
        var arguments = new object?[fields.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var name = fields.Names[i];
            if (!json.TryGetProperty(name, out var node) || node.ValueKind == JsonValueKind.Null)
                throw new TypedDataException(name, $"missing field '{name}'");
            try
            {
                arguments[i] = ValueFromJson(fields.Parameters[i].ParameterType, node);
            }
            catch (TypedDataException e)
            {
                throw e.Under(name);
            }
        }
        return fields.Constructor.Invoke(arguments);
    }

    private static object ValueFromJson(Type type, JsonElement node)
    {
        try
        {
            if (type == typeof(Address)) return Address.Parse(node.GetString()!);
            if (type == typeof(ulong)) return (ulong)TypedDataIntegers.Read(node, "uint64", "");
            if (type == typeof(BigInteger)) return TypedDataIntegers.Read(node, "uint256", "");
            if (type == typeof(Hash256)) return Hash256.Parse(node.GetString()!);
            if (type == typeof(string)) return node.GetString()!;
            if (type == typeof(bool)) return node.GetBoolean();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException && e is not TypedDataException)
        {
            throw new TypedDataException("", e.Message);
        }
        if (ElementOf(type) is { } element)
        {
            var list = Array.CreateInstance(element, node.GetArrayLength());
            for (var i = 0; i < list.Length; i++)
            {
                try
                {
                    list.SetValue(ValueFromJson(element, node[i]), i);
                }
                catch (TypedDataException e)
                {
                    throw e.Under($"[{i}]");
                }
            }
            return list;
        }
        return FromJson(type, node);
    }

    /// <summary>The canonical encoding of a record: an RLP list of its fields in constructor order.</summary>
    public static RlpItem ToRlp(object value) => value switch
    {
        Address a => RlpItem.Of(a),
        ulong u => RlpItem.Of(u),
        BigInteger b => RlpItem.Of(b),
        Hash256 h => RlpItem.Of(h),
        string s => RlpItem.Of(s),
        bool b => RlpItem.Of(b),
        System.Collections.IEnumerable list => new RlpItem.List(list.Cast<object>().Select(ToRlp).ToArray()),
        _ => RecordToRlp(value),
    };

    private static RlpItem.List RecordToRlp(object record)
    {
        var properties = FieldsOf(record.GetType()).Properties;
        var items = new RlpItem[properties.Length];
        for (var i = 0; i < items.Length; i++)
            items[i] = ToRlp(properties[i].GetValue(record)!);
        return new RlpItem.List(items);
    }

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
        var fields = FieldsOf(type);
        var parameters = fields.Parameters;
        if (items.Count != parameters.Length)
            throw new RlpException($"{type.Name} has {parameters.Length} fields, found {items.Count}");
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = FromRlp(parameters[i].ParameterType, items[i]);
        return fields.Constructor.Invoke(arguments);
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
