using System.Diagnostics.CodeAnalysis;

namespace BriOrleans.Crypto;

/// <summary>0x-prefixed lower-case hexadecimal, the one text form of bytes on the API and in files.</summary>
public static class Hex
{
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Writes <see cref="Encode"/>'s text (2 + 2 × the byte count characters) into <paramref name="text"/>, allocating nothing.</summary>
    public static void Format(ReadOnlySpan<byte> bytes, Span<char> text)
    {
        text[0] = '0';
        text[1] = 'x';
        Convert.TryToHexStringLower(bytes, text[2..(2 + 2 * bytes.Length)], out _);
    }

    /// <summary>Decodes "0x"-prefixed hex (either case). Throws <see cref="FormatException"/> on anything else.</summary>
    public static byte[] Decode(string text)
    {
        if (!TryDecode(text, out var bytes))
            throw new FormatException($"expected 0x-prefixed hex with an even number of digits, got '{Shorten(text)}'");
        return bytes;
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text is null || text.Length < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X') || text.Length % 2 != 0)
            return false;
        var digits = text.AsSpan(2);
        foreach (var c in digits)
            if (!char.IsAsciiHexDigit(c))
                return false;
        bytes = Convert.FromHexString(digits);
        return true;
    }

    internal static string Shorten(string? text) =>
        text is null ? "null" : text.Length <= 80 ? text : text[..77] + "...";
}
