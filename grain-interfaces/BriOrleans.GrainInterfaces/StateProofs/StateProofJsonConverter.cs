using System.Text.Json;
using System.Text.Json.Serialization;
using BriOrleans.Crypto;

namespace BriOrleans.StateProofs;

/// <summary>
/// The JSON form of a <see cref="StateProof"/>, hashes as 0x-hex. Reading is strict — unknown, missing or
/// repeated members are errors — because proofs arrive from parties that may lie.
/// </summary>
public sealed class StateProofJsonConverter : JsonConverter<StateProof>
{
    public override void Write(Utf8JsonWriter writer, StateProof value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("key", value.Key.ToString());
        if (value.Leaf is { } leaf)
        {
            writer.WriteStartObject("leaf");
            writer.WriteString("key", leaf.Key.ToString());
            writer.WriteString("value", leaf.Value.ToString());
            writer.WriteEndObject();
        }
        writer.WriteStartArray("siblings");
        foreach (var sibling in value.Siblings)
            writer.WriteStringValue(sibling.ToString());
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override StateProof Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a state proof");
        Hash256? key = null;
        StateProofLeaf? leaf = null;
        var leafSeen = false;
        List<Hash256>? siblings = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "key" when key is null:
                    key = ReadHash(ref reader, "key");
                    break;
                case "leaf" when !leafSeen:
                    leafSeen = true;
                    leaf = reader.TokenType == JsonTokenType.Null ? null : ReadLeaf(ref reader);
                    break;
                case "siblings" when siblings is null:
                    siblings = ReadSiblings(ref reader);
                    break;
                default:
                    throw new JsonException($"a state proof has the members key, leaf and siblings once each; got '{name}'");
            }
        }
        if (key is null || siblings is null)
            throw new JsonException("a state proof needs both 'key' and 'siblings'");
        return new StateProof(key.Value, leaf, siblings);
    }

    private static StateProofLeaf ReadLeaf(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "'leaf'");
        Hash256? key = null, value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "key" when key is null:
                    key = ReadHash(ref reader, "leaf.key");
                    break;
                case "value" when value is null:
                    value = ReadHash(ref reader, "leaf.value");
                    break;
                default:
                    throw new JsonException($"a proof's leaf has the members key and value once each; got '{name}'");
            }
        }
        if (key is null || value is null)
            throw new JsonException("a proof's leaf needs both 'key' and 'value'");
        return new StateProofLeaf(key.Value, value.Value);
    }

    private static List<Hash256> ReadSiblings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "'siblings'");
        var siblings = new List<Hash256>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (siblings.Count == StateTreeScheme.MaxDepth)
                throw new JsonException($"'siblings' has at most {StateTreeScheme.MaxDepth} entries");
            siblings.Add(ReadHash(ref reader, $"siblings[{siblings.Count}]"));
        }
        return siblings;
    }

    private static Hash256 ReadHash(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.String || !Hash256.TryParse(reader.GetString(), out var hash))
            throw new JsonException($"'{member}' must be a hash: \"0x\" followed by 64 hex digits");
        return hash;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
            throw new JsonException($"{what} must be a JSON {(token == JsonTokenType.StartArray ? "array" : "object")}, got {reader.TokenType}");
    }
}
