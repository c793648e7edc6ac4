using System.Text.Json.Nodes;

namespace BriOrleans.TypedData;

/// <summary>
/// The EIP712Domain struct. Its fields are always a subset of name, version, chainId, verifyingContract
/// and salt, in that order, with the standard types: ethers derives the domain type that way whatever the
/// JSON declares, so a declaration that differs would sign a different digest there and is refused.
/// </summary>
internal static class DomainType
{
    internal const string Name = "EIP712Domain";

    private static readonly TypedDataField[] s_standard =
    [
        new("name", "string"),
        new("version", "string"),
        new("chainId", "uint256"),
        new("verifyingContract", "address"),
        new("salt", "bytes32"),
    ];

    private static string StandardNames => string.Join(", ", s_standard.Select(f => f.Name));

    /// <summary>The domain type for the keys present in <paramref name="domain"/>, in the standard order.</summary>
    internal static IReadOnlyList<TypedDataField> Derive(JsonObject domain)
    {
        foreach (var (key, value) in domain)
        {
            if (IndexOf(key) < 0)
                throw new TypedDataException($"domain.{key}", $"'{key}' is not an EIP-712 domain field ({StandardNames})");
            if (value is null)
                throw new TypedDataException($"domain.{key}", "a domain field is null: leave it out instead");
        }
        return [.. s_standard.Where(f => domain.ContainsKey(f.Name))];
    }

    /// <summary>Checks a declared EIP712Domain type: standard fields and types, standard order, and the same fields as the domain.</summary>
    internal static void CheckDeclared(IReadOnlyList<TypedDataField> declared, JsonObject domain)
    {
        var previous = -1;
        for (var i = 0; i < declared.Count; i++)
        {
            var field = declared[i];
            var path = $"types.{Name}[{i}]";
            var index = field is null ? -1 : IndexOf(field.Name);
            if (index < 0)
                throw new TypedDataException($"{path}.name", $"'{field?.Name}' is not an EIP-712 domain field ({StandardNames})");
            if (field!.Type != s_standard[index].Type)
                throw new TypedDataException($"{path}.type", $"domain field '{field.Name}' has type {s_standard[index].Type}, not {field.Type}");
            if (index <= previous)
                throw new TypedDataException($"{path}.name", $"domain fields go in the order {StandardNames}: '{field.Name}' is out of place");
            previous = index;
        }
        var derived = Derive(domain);
        foreach (var field in derived)
            if (!declared.Any(d => d.Name == field.Name))
                throw new TypedDataException($"domain.{field.Name}", $"field '{field.Name}' is not in type '{Name}' (it would not be signed)");
        foreach (var field in declared)
            if (!derived.Any(d => d.Name == field.Name))
                throw new TypedDataException($"domain.{field.Name}", $"missing field '{field.Name}' declared in type '{Name}'");
    }

    private static int IndexOf(string name) => Array.FindIndex(s_standard, f => f.Name == name);
}
