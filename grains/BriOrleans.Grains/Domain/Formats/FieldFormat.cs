namespace BriOrleans.Grains.Domain;

/// <summary>
/// The shapes of the plain fields of transactions. Ids, codes and references are ASCII and checked ordinally, so a
/// rule never depends on culture or on Unicode tables that change between runtime versions; free text for people
/// only excludes control characters (category Cc, fixed since Unicode 1.1).
/// </summary>
public static class FieldFormat
{
    public const int MaxIdLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 500;
    public const int MaxUriLength = 2048;

    /// <summary>An id chosen by a user (shipment, event, contract, milestone, ...): 1-100 of A-Z a-z 0-9 . _ : / -</summary>
    public static bool IsId(string? text) =>
        text is { Length: > 0 and <= MaxIdLength } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '/' or '-');

    /// <summary>Free text for people (a name, a reason): non-empty, bounded, no control characters, no leading or trailing spaces.</summary>
    public static bool IsText(string? text, int maxLength) =>
        text is { Length: > 0 } && text.Length <= maxLength && text.Trim() == text && !text.Any(char.IsControl);

    /// <summary>ISO 3166-1 alpha-2 in form: two capital ASCII letters.</summary>
    public static bool IsCountryCode(string? text) => text is { Length: 2 } && text.All(char.IsAsciiLetterUpper);

    /// <summary>ISO 4217 in form: three capital ASCII letters.</summary>
    public static bool IsCurrencyCode(string? text) => text is { Length: 3 } && text.All(char.IsAsciiLetterUpper);

    /// <summary>A Harmonized System code: the 6-digit international code or a national 8- or 10-digit extension.</summary>
    public static bool IsHsCode(string? text) => text is { Length: 6 or 8 or 10 } && text.All(char.IsAsciiDigit);

    /// <summary>An optional reference (transport, URI): bounded, without spaces or control characters.</summary>
    public static bool IsToken(string? text, int maxLength) =>
        text is not null && text.Length <= maxLength && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}
