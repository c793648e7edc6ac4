using System.Numerics;
using System.Reflection;
using BriOrleans.Crypto;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces.Tests.Transactions;

/// <summary>Builds a filled-in instance of any transaction kind, every field set from a seed, for round-trip tests.</summary>
internal static class SampleTransactions
{
    public static ITransaction Of(TransactionKind kind, Address from, ulong nonce, int seed = 1)
    {
        var parameters = kind.RecordType.GetConstructors().Single().GetParameters();
        var arguments = new object[parameters.Length];
        arguments[0] = from;
        arguments[1] = nonce;
        for (var i = 2; i < parameters.Length; i++)
            arguments[i] = ValueOf(parameters[i].ParameterType, seed * 31 + i);
        return (ITransaction)kind.RecordType.GetConstructors().Single().Invoke(arguments);
    }

    private static object ValueOf(Type type, int seed)
    {
        if (type == typeof(Address)) return PrivateKey.FromBytes(Keccak.Hash(BitConverter.GetBytes(seed)).ToArray()).Address;
        if (type == typeof(ulong)) return (ulong)seed * 1_000_003UL;
        if (type == typeof(BigInteger)) return BigInteger.Pow(10, 20) + seed;
        if (type == typeof(Hash256)) return Keccak.Hash(BitConverter.GetBytes(~seed));
        if (type == typeof(string)) return $"值-{seed}-é";
        if (type == typeof(bool)) return seed % 2 == 0;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = Array.CreateInstance(element, 2);
            list.SetValue(ValueOf(element, seed + 1), 0);
            list.SetValue(ValueOf(element, seed + 2), 1);
            return list;
        }
        var constructor = type.GetConstructors().Single();
        return constructor.Invoke(constructor.GetParameters().Select((p, i) => ValueOf(p.ParameterType, seed * 7 + i)).ToArray());
    }

    public static TheoryData<string> KindNames()
    {
        var data = new TheoryData<string>();
        foreach (var kind in TransactionCatalog.All)
            data.Add(kind.Name);
        return data;
    }

    public static TransactionKind Kind(string name) =>
        TransactionCatalog.TryGet(name, out var kind) ? kind : throw new ArgumentException(name);
}
