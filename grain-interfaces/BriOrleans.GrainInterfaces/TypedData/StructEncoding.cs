using System.Text.Json;
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
    internal static Hash256 HashStruct(TypedDataSchema schema, string typeName, JsonElement value, string path)
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
    private static Hash256 HashStruct(TypedDataSchema schema, string typeName, JsonElement value)
    {
        var type = schema.Struct(typeName, "");
        if (value.ValueKind != JsonValueKind.Object)
            throw new TypedDataException("", $"expected an object for struct '{typeName}', got {TypedDataPath.Describe(value)}");
        // Every member is a field, and every field is present (below): then the members are exactly the fields.
        if (value.GetPropertyCount() != type.Fields.Count || !AreFields(value, type))
            RefuseMembers(value, type);
        var encoded = new byte[Word * (1 + type.Fields.Count)];
        type.TypeHash.WriteTo(encoded);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var (field, fieldType) = type.Fields[i];
            if (!value.TryGetProperty(field.Name, out var fieldValue))
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

    private static void RefuseMembers(JsonElement value, StructType type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!type.HasField(member.Name))
                throw new TypedDataException(member.Name, $"field '{member.Name}' is not in type '{type.Name}' (it would not be signed)");
            // JSON parsed with duplicates allowed: a wallet would see the last value, this the first.
            if (!seen.Add(member.Name))
                throw new TypedDataException(member.Name, $"field '{member.Name}' appears twice in '{type.Name}'");
        }
    }

    // Whether every member of an object with as many members as the type has fields names one of them, compared as
    // UTF-8 without building the names. A duplicate member then leaves a field missing, which is refused after.
    private static bool AreFields(JsonElement value, StructType type)
    {
        foreach (var member in value.EnumerateObject())
        {
            var found = false;
            for (var i = 0; i < type.Fields.Count && !found; i++)
                found = member.NameEquals(type.Fields[i].Field.Name);
            if (!found)
                return false;
        }
        return true;
    }

    private static void EncodeValue(TypedDataSchema schema, FieldType type, JsonElement value, Span<byte> word)
    {
        if (type.Atomic is { } atomic)
            AtomicEncoding.Encode(atomic, value, "", word);
        else if (type.StructName is { } structName)
            HashStruct(schema, structName, value).WriteTo(word);
        else
            HashArray(schema, type, value).WriteTo(word);
    }

    /// <summary>An array is the Keccak of its elements' encodings laid end to end (structs as their hashStruct).</summary>
    private static Hash256 HashArray(TypedDataSchema schema, FieldType type, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw new TypedDataException("", $"expected an array for {type}, got {TypedDataPath.Describe(value)}");
        var count = value.GetArrayLength();
        if (type.FixedLength is { } length && count != length)
            throw new TypedDataException("", $"expected {length} elements for {type}, got {count}");
        var element = type.Element!;
        var encoded = new byte[Word * count];
        for (var i = 0; i < count; i++)
        {
            try
            {
                EncodeValue(schema, element, value[i], encoded.AsSpan(Word * i, Word));
            }
            catch (TypedDataException e)
            {
                throw e.Under($"[{i}]");
            }
        }
        return Keccak.Hash(encoded);
    }
}
