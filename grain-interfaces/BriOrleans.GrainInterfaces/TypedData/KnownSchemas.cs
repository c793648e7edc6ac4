using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace BriOrleans.TypedData;

/// <summary>
/// Schemas read before, found by the JSON text of their <c>primaryType</c> and <c>types</c>: the same text always
/// reads as the same schema, so a repeat needs neither reading nor checking. Only typed data of the usual shape is
/// looked up (the four top-level keys, each of the right kind); anything else takes the full reading, which names
/// what is wrong. Bounded, since the texts come from clients.
/// </summary>
internal static class KnownSchemas
{
    internal sealed record Known(TypedDataSchema Schema, string PrimaryType);

    private const int Capacity = 256;

    private static readonly ConcurrentDictionary<byte[], Known> s_known = new(new BytesComparer());
    private static readonly ConcurrentDictionary<byte[], Known>.AlternateLookup<ReadOnlySpan<byte>> s_byText =
        s_known.GetAlternateLookup<ReadOnlySpan<byte>>();

    public static Known? Find(JsonElement typedData)
    {
        if (!IsUsualShape(typedData, out var primaryType, out var types))
            return null;
        var buffer = ArrayPool<byte>.Shared.Rent(primaryType.Length + types.Length);
        try
        {
            var key = KeyOf(primaryType, types, buffer);
            return s_byText.TryGetValue(key, out var known) ? known : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void Add(JsonElement typedData, TypedDataSchema schema, string primaryType)
    {
        if (s_known.Count >= Capacity || !IsUsualShape(typedData, out var primaryTypeText, out var types))
            return;
        var key = new byte[primaryTypeText.Length + types.Length];
        KeyOf(primaryTypeText, types, key);
        s_known.TryAdd(key, new Known(schema, primaryType));
    }

    // The primary type's raw text is a quoted string, so the two texts laid end to end never run into each other.
    private static ReadOnlySpan<byte> KeyOf(ReadOnlySpan<byte> primaryType, ReadOnlySpan<byte> types, byte[] buffer)
    {
        primaryType.CopyTo(buffer);
        types.CopyTo(buffer.AsSpan(primaryType.Length));
        return buffer.AsSpan(0, primaryType.Length + types.Length);
    }

    private static bool IsUsualShape(JsonElement typedData, out ReadOnlySpan<byte> primaryType, out ReadOnlySpan<byte> types)
    {
        primaryType = types = default;
        if (typedData.ValueKind != JsonValueKind.Object)
            return false;
        // Each of the four once (a document parsed elsewhere may repeat a key).
        var seen = 0;
        foreach (var member in typedData.EnumerateObject())
        {
            // Compared as UTF-8, so that no name is turned into a string.
            var (bit, expected) =
                member.NameEquals("types"u8) ? (1, JsonValueKind.Object)
                : member.NameEquals("primaryType"u8) ? (2, JsonValueKind.String)
                : member.NameEquals("domain"u8) ? (4, JsonValueKind.Object)
                : member.NameEquals("message"u8) ? (8, JsonValueKind.Object)
                : (0, JsonValueKind.Undefined);
            if (bit == 0 || (seen & bit) != 0 || member.Value.ValueKind != expected)
                return false;
            seen |= bit;
        }
        if (seen != 15)
            return false;
        primaryType = JsonMarshal.GetRawUtf8Value(typedData.GetProperty("primaryType"));
        types = JsonMarshal.GetRawUtf8Value(typedData.GetProperty("types"));
        return true;
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
