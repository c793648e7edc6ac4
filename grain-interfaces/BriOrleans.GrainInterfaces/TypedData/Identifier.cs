namespace BriOrleans.TypedData;

/// <summary>
/// Solidity identifiers, required of struct and field names: anything else could change the meaning
/// of the encodeType string (a name with a comma or parenthesis in it).
/// </summary>
internal static class Identifier
{
    internal static bool IsValid(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
            return false;
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '$')
                return false;
        return true;
    }
}
