using System.Buffers;
using System.Text;
using System.Text.Json;
using BriOrleans.Crypto;

namespace BriOrleans.TypedData;

/// <summary>
/// encodeData for atomic values: address and integers as 32-byte words, bool as 0 or 1, bytesN
/// right-padded, and string and bytes as the Keccak-256 of their contents.
/// </summary>
internal static class AtomicEncoding
{
    internal static void Encode(AtomicType type, JsonElement value, string path, Span<byte> word)
    {
        word.Clear();
        switch (type.Kind)
        {
            case AtomicKind.Address:
                ReadAddress(value, path).WriteTo(word[12..]);
                break;
            case AtomicKind.Bool:
                word[31] = ReadBool(value, path) ? (byte)1 : (byte)0;
                break;
            case AtomicKind.String:
                Keccak.Hash(ReadUtf8(value, path)).WriteTo(word);
                break;
            case AtomicKind.Bytes:
                Keccak.Hash(ReadHex(value, type, path)).WriteTo(word);
                break;
            case AtomicKind.FixedBytes:
                var bytes = ReadHex(value, type, path);
                if (bytes.Length != type.Size)
                    throw new TypedDataException(path, $"{type} takes exactly {type.Size} bytes, got {bytes.Length}");
                bytes.CopyTo(word);
                break;
            case AtomicKind.Uint:
            case AtomicKind.Int:
                IntegerEncoding.Write(IntegerEncoding.Read(value, type, path), word);
                break;
        }
    }

    private static Address ReadAddress(JsonElement value, string path)
    {
        if (!TypedDataPath.TryGetString(value, path, out var text))
            throw new TypedDataException(path, $"expected an address (0x + 40 hex digits), got {TypedDataPath.Describe(value)}");
        return Address.TryParse(text, out var address, out var error) ? address : throw new TypedDataException(path, error);
    }

    private static bool ReadBool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new TypedDataException(path, $"expected true or false for bool, got {TypedDataPath.Describe(value)}"),
    };

    private static byte[] ReadUtf8(JsonElement value, string path)
    {
        if (!TypedDataPath.TryGetString(value, path, out var text))
            throw new TypedDataException(path, $"expected a string, got {TypedDataPath.Describe(value)}");
        // Strict: Encoding.UTF8 would silently replace an unpaired surrogate with U+FFFD; ethers refuses it.
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        if (System.Text.Unicode.Utf8.FromUtf16(text, bytes, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            throw new TypedDataException(path, "the string contains an unpaired UTF-16 surrogate, which has no UTF-8 encoding");
        return bytes[..written];
    }

    private static byte[] ReadHex(JsonElement value, AtomicType type, string path)
    {
        // Lower-case "0x" only, as ethers requires.
        if (!TypedDataPath.TryGetString(value, path, out var text) || !text.StartsWith("0x", StringComparison.Ordinal)
            || !Hex.TryDecode(text, out var bytes))
            throw new TypedDataException(path, value.ValueKind == JsonValueKind.String
                ? $"bad hex for {type}: expected 0x followed by an even number of hex digits, got '{Hex.Shorten(text)}'"
                : $"expected 0x-hex for {type}, got {TypedDataPath.Describe(value)}");
        return bytes;
    }
}
