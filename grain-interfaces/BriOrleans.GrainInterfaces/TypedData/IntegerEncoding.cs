using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using BriOrleans.Crypto;

namespace BriOrleans.TypedData;

/// <summary>
/// Reads uintN/intN values written as a JSON integer, a decimal string (negative allowed) or a 0x-hex
/// string, and writes them as 32-byte big-endian two's complement words.
/// </summary>
internal static class IntegerEncoding
{
    // JavaScript wallets read JSON numbers as doubles: beyond 2^53 - 1 they would sign a different number.
    private static readonly BigInteger s_maxSafeJsonInteger = (BigInteger.One << 53) - 1;
    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    // Longer than any 256-bit value even with a sign: refused before BigInteger spends time on it.
    private const int MaxSignificantDigits = 80;

    internal static BigInteger Read(JsonElement node, AtomicType type, string path)
    {
        var value = node.ValueKind switch
        {
            JsonValueKind.Number => ReadNumber(node.GetRawText(), type, path),
            JsonValueKind.String when TypedDataPath.TryGetString(node, path, out var text) => ReadText(text, type, path),
            _ => throw new TypedDataException(path,
                $"expected an integer for {type} (a JSON integer, a decimal string or a 0x-hex string), got {TypedDataPath.Describe(node)}"),
        };
        if (value < type.Min || value > type.Max)
            throw new TypedDataException(path, $"{value} is out of range for {type} ({type.Min} to {type.Max})");
        return value;
    }

    /// <summary>Writes <paramref name="value"/> into 32 bytes, sign-extending negatives (two's complement).</summary>
    internal static void Write(BigInteger value, Span<byte> word)
    {
        word.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        var length = value.GetByteCount(isUnsigned: value.Sign >= 0);
        if (!value.TryWriteBytes(word[(word.Length - length)..], out _, isUnsigned: value.Sign >= 0, isBigEndian: true))
            throw new InvalidOperationException($"{value} does not fit 32 bytes although it passed its range check");
    }

    private static BigInteger ReadNumber(string raw, AtomicType type, string path)
    {
        var digits = raw.AsSpan(raw.StartsWith('-') ? 1 : 0);
        if (digits.Length == 0 || digits.IndexOfAnyExceptInRange('0', '9') >= 0)
            throw new TypedDataException(path, $"{Hex.Shorten(raw)} is not an integer: {type} takes a whole number, without fraction or exponent");
        RejectOverlong(digits, type, path);
        var value = BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (BigInteger.Abs(value) > s_maxSafeJsonInteger)
            throw new TypedDataException(path,
                $"the JSON number {raw} is beyond 2^53 - 1, which JavaScript reads inexactly: write it as a decimal string");
        return value;
    }

    private static BigInteger ReadText(string text, AtomicType type, string path)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var hex = text.AsSpan(2);
            if (hex.Length == 0 || hex.ContainsAnyExcept(s_hexDigits))
                throw new TypedDataException(path, $"bad hex integer '{Hex.Shorten(text)}' for {type}: expected 0x followed by hex digits");
            RejectOverlong(hex, type, path);
            // The leading zero keeps BigInteger from reading the top bit as a sign.
            return BigInteger.Parse("0" + hex.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        var digits = text.AsSpan(text.StartsWith('-') ? 1 : 0);
        if (digits.Length == 0 || digits.IndexOfAnyExceptInRange('0', '9') >= 0)
            throw new TypedDataException(path,
                $"'{Hex.Shorten(text)}' is not an integer for {type}: write a decimal (optionally negative) or 0x-hex number");
        RejectOverlong(digits, type, path);
        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private static void RejectOverlong(ReadOnlySpan<char> digits, AtomicType type, string path)
    {
        var significant = digits.TrimStart('0');
        if (significant.Length > MaxSignificantDigits)
            throw new TypedDataException(path, $"a {significant.Length}-digit number is out of range for {type} ({type.Min} to {type.Max})");
    }
}
