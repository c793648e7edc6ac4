namespace BriOrleans.Grains.Domain;

/// <summary>
/// A UN/LOCODE: the ISO 3166-1 alpha-2 country code and three letters or digits 2-9 naming the place (CNSHA,
/// KZALA, PKKHI). The country only needs the ISO form, not membership: a shipment may start or end outside the
/// member countries; the rules tied to a country (customs, holds) bite only where that country has organizations.
/// </summary>
public static class UnLocode
{
    public static bool IsWellFormed(string? text) =>
        text is { Length: 5 } && FieldFormat.IsCountryCode(text[..2]) && text[2..].All(c => char.IsAsciiLetterUpper(c) || c is >= '2' and <= '9');

    /// <summary>The country part of a well-formed code.</summary>
    public static string CountryOf(string locode) => locode[..2];
}
