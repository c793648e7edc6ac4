using System.Numerics;

namespace BriOrleans.TypedData;

/// <summary>The EIP-712 atomic types: address, bool, string, bytes, bytes1..bytes32, uint8..uint256, int8..int256.</summary>
internal sealed class AtomicType
{
    private AtomicType(AtomicKind kind, string name, int size)
    {
        Kind = kind;
        Name = name;
        Size = size;
        if (kind == AtomicKind.Uint)
        {
            Min = BigInteger.Zero;
            Max = (BigInteger.One << size) - 1;
        }
        else if (kind == AtomicKind.Int)
        {
            Min = -(BigInteger.One << (size - 1));
            Max = (BigInteger.One << (size - 1)) - 1;
        }
    }

    public AtomicKind Kind { get; }
    public string Name { get; }

    /// <summary>Bytes for bytesN, bits for uintN and intN, zero otherwise.</summary>
    public int Size { get; }

    public BigInteger Min { get; }
    public BigInteger Max { get; }

    private static readonly Dictionary<string, AtomicType> s_all = CreateAll();

    private static Dictionary<string, AtomicType> CreateAll()
    {
        var all = new Dictionary<string, AtomicType>(StringComparer.Ordinal)
        {
            ["address"] = new(AtomicKind.Address, "address", 0),
            ["bool"] = new(AtomicKind.Bool, "bool", 0),
            ["string"] = new(AtomicKind.String, "string", 0),
            ["bytes"] = new(AtomicKind.Bytes, "bytes", 0),
        };
        for (var n = 1; n <= 32; n++)
        {
            all[$"bytes{n}"] = new(AtomicKind.FixedBytes, $"bytes{n}", n);
            all[$"uint{8 * n}"] = new(AtomicKind.Uint, $"uint{8 * n}", 8 * n);
            all[$"int{8 * n}"] = new(AtomicKind.Int, $"int{8 * n}", 8 * n);
        }
        return all;
    }

    /// <summary>True when <paramref name="name"/> is reserved for atomic types: an atomic type, or uintN/intN/bytesN of any width.</summary>
    internal static bool LooksAtomic(string name) =>
        s_all.ContainsKey(name) || IsWidthFamily(name, "uint") || IsWidthFamily(name, "int") || IsWidthFamily(name, "bytes");

    internal static bool TryGet(string name, out AtomicType type) => s_all.TryGetValue(name, out type!);

    /// <summary>Why a name that looks atomic is not one, e.g. <c>uint7</c> or the alias <c>uint</c>.</summary>
    internal static string ExplainInvalid(string name) => name switch
    {
        "uint" or "int" => $"unknown type '{name}': EIP-712 has no alias, write {name}256",
        _ when IsWidthFamily(name, "bytes") => $"invalid type '{name}': bytesN takes N from 1 to 32",
        _ => $"invalid type '{name}': uintN and intN take N from 8 to 256 in steps of 8",
    };

    private static bool IsWidthFamily(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;

    public override string ToString() => Name;
}

/// <summary>How an atomic value is encoded into its 32-byte word.</summary>
internal enum AtomicKind
{
    Address,
    Bool,
    String,
    Bytes,
    FixedBytes,
    Uint,
    Int,
}
