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

    /// <summary>hashStruct(s) = keccak256(typeHash ‖ encodeData(s)); errors name their path under <paramref name="path"/>.</summary>
    internal static Hash256 HashStruct(TypedDataSchema schema, string typeName, JsonNode? value, string path)
    {
        try
        {
            return HashStruct(schema, typeName, value);
        }
        catch (TypedDataException e) when (path.Length > 0)
        {
            throw e.Under(path);
        }
    }

    // From here down, errors carry paths relative to the value at hand; each level adds its own part as an error
    // passes through it (TypedDataException.Under), so a sound value builds no path strings at all.
    private static Hash256 HashStruct(TypedDataSchema schema, string typeName, JsonNode? value)
    {
        var type = schema.Struct(typeName, "");
        if (value is not JsonObject fields)
            throw new TypedDataException("", $"expected an object for struct '{typeName}', got {TypedDataPath.Describe(value)}");
        foreach (var (name, _) in fields)
            if (!type.HasField(name))
                throw new TypedDataException(name, $"field '{name}' is not in type '{typeName}' (it would not be signed)");
        var encoded = new byte[Word * (1 + type.Fields.Count)];
        type.TypeHash.WriteTo(encoded);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var (field, fieldType) = type.Fields[i];
            if (!fields.TryGetPropertyValue(field.Name, out var fieldValue))
                throw new TypedDataException(field.Name, $"missing field '{field.Name}' of type {fieldType} in '{typeName}'");
            try
            {
                EncodeValue(schema, fieldType, fieldValue, encoded.AsSpan(Word * (1 + i), Word));
            }
            catch (TypedDataException e)
            {
                throw e.Under(field.Name);
            }
        }
        return Keccak.Hash(encoded);
    }

    private static void EncodeValue(TypedDataSchema schema, FieldType type, JsonNode? value, Span<byte> word)
    {
        if (type.Atomic is { } atomic)
            AtomicEncoding.Encode(atomic, value, "", word);
        else if (type.StructName is { } structName)
            HashStruct(schema, structName, value).WriteTo(word);
        else
            HashArray(schema, type, value).WriteTo(word);
    }

    /// <summary>An array is the Keccak of its elements' encodings laid end to end (structs as their hashStruct).</summary>
    private static Hash256 HashArray(TypedDataSchema schema, FieldType type, JsonNode? value)
    {
        if (value is not JsonArray items)
            throw new TypedDataException("", $"expected an array for {type}, got {TypedDataPath.Describe(value)}");
        if (type.FixedLength is { } length && items.Count != length)
            throw new TypedDataException("", $"expected {length} elements for {type}, got {items.Count}");
        var element = type.Element!;
        var encoded = new byte[Word * items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                EncodeValue(schema, element, items[i], encoded.AsSpan(Word * i, Word));
            }
            catch (TypedDataException e)
            {
                throw e.Under($"[{i}]");
            }
        }
        return Keccak.Hash(encoded);
    }
}
