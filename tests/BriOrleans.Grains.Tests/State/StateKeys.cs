using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>Keys and values for state tree tests: hashed grain ids, and hand-made keys that share long prefixes.</summary>
internal static class StateKeys
{
    public static Hash256 Grain(int i) => StateTreeScheme.KeyOf($"account/{i}");

    public static Hash256 Value(int i) => StateTreeScheme.ValueOf(BitConverter.GetBytes(i));

    /// <summary>A key that is all zero but for its first and last byte, so such keys share up to 248 bits.</summary>
    public static Hash256 Crafted(byte first, byte last)
    {
        var bytes = new byte[Hash256.Length];
        bytes[0] = first;
        bytes[^1] = last;
        return new Hash256(bytes);
    }

    public static StateTree NewTree() => new(new InMemoryStateNodeStore());
}
