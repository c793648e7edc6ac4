using System.Numerics;
using System.Text.Json;

namespace BriOrleans.TypedData;

/// <summary>Reads an EIP-712 integer value as wallets write it: a JSON integer, a decimal string or a 0x-hex string.</summary>
public static class TypedDataIntegers
{
    /// <summary>Reads <paramref name="node"/> as a value of <paramref name="type"/> (uint8..uint256, int8..int256).</summary>
    public static BigInteger Read(JsonElement node, string type, string path)
    {
        if (!AtomicType.TryGet(type, out var atomic) || atomic.Kind is not (AtomicKind.Uint or AtomicKind.Int))
            throw new ArgumentException($"'{type}' is not an EIP-712 integer type", nameof(type));
        return IntegerEncoding.Read(node, atomic, path);
    }
}
