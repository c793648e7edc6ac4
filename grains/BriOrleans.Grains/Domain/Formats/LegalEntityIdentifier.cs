namespace BriOrleans.Grains.Domain;

/// <summary>An ISO 17442 legal entity identifier: 18 capital letters or digits and two check digits (ISO 7064 MOD 97-10).</summary>
public static class LegalEntityIdentifier
{
    public static bool IsValid(string? text)
    {
        if (text is not { Length: 20 } || !text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            || !text[18..].All(char.IsAsciiDigit))
            return false;
        var remainder = 0;
        foreach (var c in text)
        {
            // A letter stands for two digits (A = 10 ... Z = 35); fold them in one at a time.
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }
}
