using System.Text.Json;

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
    internal static IReadOnlyList<TypedDataField> Derive(JsonElement domain)
    {
        CheckFields(domain);
        return [.. s_standard.Where(f => domain.TryGetProperty(f.Name, out _))];
    }

    /// <summary>Every field of <paramref name="domain"/> is a standard one, and none is null.</summary>
    private static void CheckFields(JsonElement domain)
    {
        foreach (var member in domain.EnumerateObject())
        {
            if (IndexOf(member) < 0)
                throw new TypedDataException($"domain.{member.Name}", $"'{member.Name}' is not an EIP-712 domain field ({StandardNames})");
            if (member.Value.ValueKind == JsonValueKind.Null)
                throw new TypedDataException($"domain.{member.Name}", "a domain field is null: leave it out instead");
        }
    }

    /// <summary>
    /// Checks a declared EIP712Domain type: standard fields and types, standard order, and the same fields as the
    /// domain. Admission checks every transaction's, so the sound case allocates nothing.
    /// </summary>
    internal static void CheckDeclared(IReadOnlyList<TypedDataField> declared, JsonElement domain)
    {
        var previous = -1;
        for (var i = 0; i < declared.Count; i++)
        {
            var field = declared[i];
            var index = field is null ? -1 : IndexOf(field.Name);
            if (index < 0)
                throw new TypedDataException($"{PathOf(i)}.name", $"'{field?.Name}' is not an EIP-712 domain field ({StandardNames})");
            if (field!.Type != s_standard[index].Type)
                throw new TypedDataException($"{PathOf(i)}.type", $"domain field '{field.Name}' has type {s_standard[index].Type}, not {field.Type}");
            if (index <= previous)
                throw new TypedDataException($"{PathOf(i)}.name", $"domain fields go in the order {StandardNames}: '{field.Name}' is out of place");
            previous = index;
        }
        CheckFields(domain);
        // The domain's fields in the standard order (the derived type) against the declared ones, both ways.
        foreach (var field in s_standard)
            if (domain.TryGetProperty(field.Name, out _) && !Declares(declared, field.Name))
                throw new TypedDataException($"domain.{field.Name}", $"field '{field.Name}' is not in type '{Name}' (it would not be signed)");
        foreach (var field in declared)
            if (!domain.TryGetProperty(field.Name, out _))
                throw new TypedDataException($"domain.{field.Name}", $"missing field '{field.Name}' declared in type '{Name}'");
    }

    private static string PathOf(int field) => $"types.{Name}[{field}]";

    private static bool Declares(IReadOnlyList<TypedDataField> declared, string name)
    {
        for (var i = 0; i < declared.Count; i++)
            if (declared[i].Name == name)
                return true;
        return false;
    }

    // The member's name compared as UTF-8, without building it.
    private static int IndexOf(JsonProperty member)
    {
        for (var i = 0; i < s_standard.Length; i++)
            if (member.NameEquals(s_standard[i].Name))
                return i;
        return -1;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < s_standard.Length; i++)
            if (s_standard[i].Name == name)
                return i;
        return -1;
    }
}
