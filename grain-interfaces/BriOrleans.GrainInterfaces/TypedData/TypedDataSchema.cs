using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.TypedData;

/// <summary>
/// A validated set of EIP-712 struct types with each type's encodeType string and type hash worked out
/// once. Recursive types are rejected, as ethers rejects them.
/// </summary>
internal sealed class TypedDataSchema : IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>>
{
    private readonly List<KeyValuePair<string, IReadOnlyList<TypedDataField>>> _entries;
    private readonly Dictionary<string, StructType> _structs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TypedDataField>> _fields = new(StringComparer.Ordinal);

    private TypedDataSchema(IEnumerable<KeyValuePair<string, IReadOnlyList<TypedDataField>>> types)
    {
        _entries = [.. types.Select(t => KeyValuePair.Create(t.Key, (IReadOnlyList<TypedDataField>)[.. t.Value]))];
        // Checked in name order so that, of several problems, the one reported never depends on dictionary order.
        var sorted = _entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var parsed = new Dictionary<string, List<(TypedDataField Field, FieldType Type)>>(StringComparer.Ordinal);
        foreach (var (name, fields) in sorted)
        {
            if (parsed.ContainsKey(name))
                throw new TypedDataException(TypePath(name), $"type '{name}' is defined twice");
            parsed[name] = ParseFields(name, fields);
        }
        foreach (var (name, fields) in parsed)
            for (var i = 0; i < fields.Count; i++)
                if (fields[i].Type.BaseStruct is { } referenced && !parsed.ContainsKey(referenced))
                    throw new TypedDataException(FieldPath(name, i, "type"), $"unknown type '{referenced}'");
        RejectCycles(sorted.Select(e => e.Key), parsed);
        foreach (var (name, fields) in parsed)
        {
            var encoded = EncodeType(name, parsed);
            _structs[name] = new StructType(name, fields, encoded, Keccak.Hash(Encoding.UTF8.GetBytes(encoded)));
        }
        foreach (var (name, fields) in _entries)
            _fields[name] = fields;
    }

    /// <summary>The schema itself when <paramref name="types"/> is one already, else a new validated one.</summary>
    internal static TypedDataSchema From(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        types as TypedDataSchema ?? new TypedDataSchema(types);

    /// <summary>
    /// The validated schema of <paramref name="types"/>, in their order. Every transaction of a kind carries the same
    /// types, so recently seen schemas are kept (a bounded few) and a repeat skips parsing and type hashing. The key
    /// spells every name and type length-prefixed, so two different type sets never share it.
    /// </summary>
    internal static TypedDataSchema FromOrdered(IEnumerable<KeyValuePair<string, IReadOnlyList<TypedDataField>>> types)
    {
        var list = types as IReadOnlyList<KeyValuePair<string, IReadOnlyList<TypedDataField>>> ?? [.. types];
        var key = new StringBuilder();
        foreach (var (name, fields) in list)
        {
            Append(key, name);
            key.Append(fields.Count).Append('[');
            foreach (var field in fields)
            {
                Append(key, field?.Name);
                Append(key, field?.Type);
            }
        }
        var text = key.ToString();
        if (s_recent.TryGetValue(text, out var known))
            return known;
        var schema = new TypedDataSchema(list);
        if (s_recent.Count < RecentCapacity)
            s_recent.TryAdd(text, schema);
        return schema;

        static void Append(StringBuilder key, string? value) =>
            key.Append(value?.Length ?? -1).Append(':').Append(value);
    }

    private const int RecentCapacity = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TypedDataSchema> s_recent = new(StringComparer.Ordinal);

    internal StructType Struct(string name, string path) =>
        _structs.TryGetValue(name, out var type) ? type : throw new TypedDataException(path, $"unknown type '{name}'");

    private static List<(TypedDataField, FieldType)> ParseFields(string typeName, IReadOnlyList<TypedDataField> fields)
    {
        if (!Identifier.IsValid(typeName))
            throw new TypedDataException(TypePath(typeName), $"invalid type name '{typeName}': a struct name is an identifier (letters, digits, _ and $, not starting with a digit)");
        if (AtomicType.LooksAtomic(typeName))
            throw new TypedDataException(TypePath(typeName), $"a struct cannot be named '{typeName}', which is an atomic type name");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<(TypedDataField, FieldType)>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i] ?? throw new TypedDataException(TypePath(typeName) + $"[{i}]", "a field is {\"name\": ..., \"type\": ...}, got null");
            if (!Identifier.IsValid(field.Name))
                throw new TypedDataException(FieldPath(typeName, i, "name"), $"invalid field name '{field.Name}': a field name is an identifier (letters, digits, _ and $, not starting with a digit)");
            if (!names.Add(field.Name))
                throw new TypedDataException(FieldPath(typeName, i, "name"), $"duplicate field name '{field.Name}' in type '{typeName}'");
            if (!FieldType.TryParse(field.Type, out var type, out var error))
                throw new TypedDataException(FieldPath(typeName, i, "type"), error);
            parsed.Add((field, type));
        }
        return parsed;
    }

    private static void RejectCycles(IEnumerable<string> names, Dictionary<string, List<(TypedDataField Field, FieldType Type)>> parsed)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        void Visit(string name)
        {
            stack.Add(name);
            var fields = parsed[name];
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Type.BaseStruct is not { } child || done.Contains(child))
                    continue;
                if (stack.Contains(child))
                    throw new TypedDataException(FieldPath(name, i, "type"),
                        $"circular type reference {string.Join(" -> ", stack[stack.IndexOf(child)..])} -> {child}: recursive types are not supported (ethers rejects them too)");
                Visit(child);
            }
            stack.RemoveAt(stack.Count - 1);
            done.Add(name);
        }
        foreach (var name in names)
            if (!done.Contains(name))
                Visit(name);
    }

    private static string EncodeType(string name, Dictionary<string, List<(TypedDataField Field, FieldType Type)>> parsed)
    {
        var dependencies = new HashSet<string>(StringComparer.Ordinal);
        Collect(name, dependencies, n => parsed[n]);
        dependencies.Remove(name);
        var text = new StringBuilder();
        foreach (var type in dependencies.Order(StringComparer.Ordinal).Prepend(name))
        {
            text.Append(type).Append('(');
            text.AppendJoin(',', parsed[type].Select(f => $"{f.Type.Text} {f.Field.Name}"));
            text.Append(')');
        }
        return text.ToString();
    }

    private static void Collect(string name, HashSet<string> found, Func<string, IReadOnlyList<(TypedDataField Field, FieldType Type)>> fieldsOf)
    {
        if (!found.Add(name))
            return;
        foreach (var (_, type) in fieldsOf(name))
            if (type.BaseStruct is { } child)
                Collect(child, found, fieldsOf);
    }

    private static string TypePath(string typeName) => $"types.{typeName}";

    private static string FieldPath(string typeName, int index, string member) => $"types.{typeName}[{index}].{member}";

    public IReadOnlyList<TypedDataField> this[string key] => _fields[key];

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);
    public IEnumerable<IReadOnlyList<TypedDataField>> Values => _entries.Select(e => e.Value);
    public int Count => _entries.Count;
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<TypedDataField> value) =>
        _fields.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IReadOnlyList<TypedDataField>>> GetEnumerator() => _entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
