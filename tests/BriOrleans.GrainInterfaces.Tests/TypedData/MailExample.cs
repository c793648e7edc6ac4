using System.Text.Json.Nodes;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

/// <summary>The "Mail" example of EIP-712, as JSON, with the figures the standard's reference implementation gives.</summary>
internal static class MailExample
{
    public const string Digest = "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2";
    public const string DomainSeparator = "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f";
    public const string MessageHash = "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e";
    public const string EncodedType = "Mail(Person from,Person to,string contents)Person(string name,address wallet)";
    public const string SignatureR = "0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d";
    public const string SignatureS = "0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562";
    public const byte SignatureV = 28;

    public const string Json = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [
              { "name": "name", "type": "string" },
              { "name": "wallet", "type": "address" }
            ],
            "Mail": [
              { "name": "from", "type": "Person" },
              { "name": "to", "type": "Person" },
              { "name": "contents", "type": "string" }
            ]
          },
          "primaryType": "Mail",
          "domain": {
            "name": "Ether Mail",
            "version": "1",
            "chainId": 1,
            "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
          },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    /// <summary>The example as a fresh, editable JSON tree.</summary>
    public static JsonObject Tree() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>The example after <paramref name="edit"/>, as JSON text.</summary>
    public static string With(Action<JsonObject> edit)
    {
        var tree = Tree();
        edit(tree);
        return tree.ToJsonString();
    }
}
