namespace BriOrleans.Grains.Domain;

/// <summary>
/// An ISO 6346 container number: a three-letter owner code, the category letter (U, J or Z), six digits and a
/// check digit, e.g. CSQU3054383.
/// </summary>
public static class ContainerNumber
{
    public static bool IsValid(string? text)
    {
        if (text is not { Length: 11 } || !text[..3].All(char.IsAsciiLetterUpper) || text[3] is not ('U' or 'J' or 'Z')
            || !text[4..].All(char.IsAsciiDigit))
            return false;
        var sum = 0;
        for (var i = 0; i < 10; i++)
            sum += ValueOf(text[i]) << i;
        return sum % 11 % 10 == text[10] - '0';
    }

    // Letters count from A = 10 upwards, skipping 11, 22 and 33 (the multiples of the modulus).
    private static int ValueOf(char c)
    {
        if (char.IsAsciiDigit(c))
            return c - '0';
        var value = 10 + (c - 'A');
        return value + (value >= 11 ? 1 : 0) + (value >= 21 ? 1 : 0) + (value >= 31 ? 1 : 0);
    }
}
