using System.Text.Json.Nodes;
using BriOrleans.Crypto;

namespace BriOrleans.TypedData;

/// <summary>EIP-712 hashing: the digest a wallet signs, the domain separator, hashStruct and encodeType.</summary>
public static class Eip712
{
    /// <summary>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)).</summary>
    public static Hash256 Digest(TypedDataDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return Digest(DomainSeparator(doc), doc);
    }

    /// <summary>
    /// <see cref="Digest(TypedDataDocument)"/> for a caller that already knows the document's domain separator (for
    /// example one that checked the domain against the only one it accepts): the domain is not hashed again.
    /// </summary>
    public static Hash256 Digest(Hash256 domainSeparator, TypedDataDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        Span<byte> encoded = stackalloc byte[2 + 2 * Hash256.Length];
        encoded[0] = 0x19;
        encoded[1] = 0x01;
        domainSeparator.WriteTo(encoded[2..]);
        StructEncoding.HashStruct(doc.Schema, doc.PrimaryType, doc.MessageElement, "message").WriteTo(encoded[(2 + Hash256.Length)..]);
        return Keccak.Hash(encoded);
    }

    /// <summary>hashStruct of the domain as an EIP712Domain.</summary>
    public static Hash256 DomainSeparator(TypedDataDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return StructEncoding.HashStruct(doc.Schema, DomainType.Name, doc.DomainElement, "domain");
    }

    /// <summary>hashStruct(value) = keccak256(typeHash ‖ encodeData(value)); error paths are relative to <paramref name="value"/>.</summary>
    public static Hash256 HashStruct(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, string typeName, JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(typeName);
        return StructEncoding.HashStruct(TypedDataSchema.From(types), typeName, TypedDataJsonText.ToElement(value), "");
    }

    /// <summary>encodeType: <paramref name="typeName"/>'s definition, then those of every struct it depends on, sorted by name.</summary>
    public static string EncodeType(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, string typeName)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(typeName);
        return TypedDataSchema.From(types).Struct(typeName, "").EncodedType;
    }
}
