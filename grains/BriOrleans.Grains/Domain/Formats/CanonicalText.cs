using BriOrleans.Crypto;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// Addresses and hashes as grain state stores them: 0x and lower-case hex, one spelling per value, so that
/// state serializes to the same bytes on every node whatever spelling a transaction used.
/// </summary>
public static class CanonicalText
{
    public static string Of(Address address) => Hex.Encode(address.ToArray());

    public static string Of(Hash256 hash) => hash.ToString();

    public static Address Address(string text) => Crypto.Address.Parse(text);

    public static Hash256 Hash(string text) => Hash256.Parse(text);
}
