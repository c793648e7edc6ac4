using System.Text.Json.Nodes;
using BriOrleans.Crypto;

namespace BriOrleans.TypedData;

/// <summary>
/// EIP-712 hashStruct and encodeData over JSON values: every field present, no field the type lacks,
/// arrays of their declared length, each value valid for its type; otherwise an error naming the path.
/// </summary>
internal static class StructEncoding
{
    private const int Word = 32;

    /// <summary>hashStruct(s) = keccak256(typeHash ‖ encodeData(s)).</summary>
    internal static Hash256 HashStruct(TypedDataSchema schema, string typeName, JsonNode? value, string path)
    {
        var type = schema.Struct(typeName, path);
        if (value is not JsonObject fields)
            throw new TypedDataException(path, $"expected an object for struct '{typeName}', got {TypedDataPath.Describe(value)}");
        foreach (var (name, _) in fields)
            if (!type.HasField(name))
                throw new TypedDataException(TypedDataPath.Field(path, name),
                    $"field '{name}' is not in type '{typeName}' (it would not be signed)");
        var encoded = new byte[Word * (1 + type.Fields.Count)];
        type.TypeHash.WriteTo(encoded);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var (field, fieldType) = type.Fields[i];
            var fieldPath = TypedDataPath.Field(path, field.Name);
            if (!fields.TryGetPropertyValue(field.Name, out var fieldValue))
                throw new TypedDataException(fieldPath, $"missing field '{field.Name}' of type {fieldType} in '{typeName}'");
            EncodeValue(schema, fieldType, fieldValue, fieldPath, encoded.AsSpan(Word * (1 + i), Word));
        }
        return Keccak.Hash(encoded);
    }

    private static void EncodeValue(TypedDataSchema schema, FieldType type, JsonNode? value, string path, Span<byte> word)
    {
        if (type.Atomic is { } atomic)
            AtomicEncoding.Encode(atomic, value, path, word);
        else if (type.StructName is { } structName)
            HashStruct(schema, structName, value, path).WriteTo(word);
        else
            HashArray(schema, type, value, path).WriteTo(word);
    }

    /// <summary>An array is the Keccak of its elements' encodings laid end to end (structs as their hashStruct).</summary>
    private static Hash256 HashArray(TypedDataSchema schema, FieldType type, JsonNode? value, string path)
    {
        if (value is not JsonArray items)
            throw new TypedDataException(path, $"expected an array for {type}, got {TypedDataPath.Describe(value)}");
        if (type.FixedLength is { } length && items.Count != length)
            throw new TypedDataException(path, $"expected {length} elements for {type}, got {items.Count}");
        var element = type.Element!;
        var encoded = new byte[Word * items.Count];
        for (var i = 0; i < items.Count; i++)
            EncodeValue(schema, element, items[i], TypedDataPath.Index(path, i), encoded.AsSpan(Word * i, Word));
        return Keccak.Hash(encoded);
    }
}
