using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BriOrleans.TypedData;

/// <summary>
/// A parsed field type: atomic, a struct reference, or an array of another field type. In <c>T[][2]</c>
/// the last bracket is the outermost: a fixed array of two dynamic arrays of T.
/// </summary>
internal sealed class FieldType
{
    private FieldType(string text, AtomicType? atomic, string? structName, FieldType? element, int? fixedLength)
    {
        Text = text;
        Atomic = atomic;
        StructName = structName;
        Element = element;
        FixedLength = fixedLength;
    }

    /// <summary>The type as written, which is also how encodeType writes it.</summary>
    public string Text { get; }

    public AtomicType? Atomic { get; }

    public string? StructName { get; }

    /// <summary>The element type of an array; null for atomic and struct types.</summary>
    public FieldType? Element { get; }

    /// <summary>The length of a fixed array (<c>T[n]</c>); null for a dynamic array and for non-arrays.</summary>
    public int? FixedLength { get; }

    /// <summary>The struct this type mentions at its core (<c>Item</c> for <c>Item[][2]</c>), if any.</summary>
    public string? BaseStruct => Element?.BaseStruct ?? StructName;

    internal static bool TryParse(string text, [NotNullWhen(true)] out FieldType? type, [NotNullWhen(false)] out string? error)
    {
        type = null;
        if (text.EndsWith(']'))
        {
            var open = text.LastIndexOf('[');
            if (open <= 0)
            {
                error = $"invalid type '{text}': an array type is T[] or T[n]";
                return false;
            }
            int? length = null;
            var digits = text.AsSpan(open + 1, text.Length - open - 2);
            if (digits.Length > 0)
            {
                if (digits[0] == '0' || digits.IndexOfAnyExceptInRange('0', '9') >= 0
                    || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    error = $"invalid type '{text}': a fixed array length is a whole number from 1, without leading zeros";
                    return false;
                }
                length = n;
            }
            if (!TryParse(text[..open], out var element, out error))
                return false;
            type = new FieldType(text, null, null, element, length);
            return true;
        }
        if (AtomicType.TryGet(text, out var atomic))
        {
            type = new FieldType(text, atomic, null, null, null);
            error = null;
            return true;
        }
        if (AtomicType.LooksAtomic(text))
        {
            error = AtomicType.ExplainInvalid(text);
            return false;
        }
        if (!Identifier.IsValid(text))
        {
            error = $"invalid type '{text}': a struct name is an identifier (letters, digits, _ and $, not starting with a digit)";
            return false;
        }
        type = new FieldType(text, null, text, null, null);
        error = null;
        return true;
    }

    public override string ToString() => Text;
}
