using BriOrleans.Crypto;

namespace BriOrleans.TypedData;

/// <summary>One validated struct type: its fields with parsed types, its encodeType string and its type hash.</summary>
internal sealed class StructType
{
    private readonly HashSet<string> _fieldNames;

    internal StructType(string name, IReadOnlyList<(TypedDataField Field, FieldType Type)> fields, string encodedType, Hash256 typeHash)
    {
        Name = name;
        Fields = fields;
        EncodedType = encodedType;
        TypeHash = typeHash;
        _fieldNames = new HashSet<string>(fields.Select(f => f.Field.Name), StringComparer.Ordinal);
    }

    public string Name { get; }
    public IReadOnlyList<(TypedDataField Field, FieldType Type)> Fields { get; }

    /// <summary>encodeType: this struct, then every struct it depends on sorted by name, e.g. <c>Mail(Person from,...)Person(...)</c>.</summary>
    public string EncodedType { get; }

    public Hash256 TypeHash { get; }

    public bool HasField(string name) => _fieldNames.Contains(name);
}
