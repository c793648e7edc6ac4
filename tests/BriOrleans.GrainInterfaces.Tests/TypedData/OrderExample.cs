using System.Text.Json.Nodes;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

/// <summary>A trade order in typed data with one field of most kinds, for tests that break one value at a time.</summary>
internal static class OrderExample
{
    public const string Json = """
        {
          "types": {
            "Order": [
              { "name": "buyer", "type": "address" },
              { "name": "items", "type": "Item[]" },
              { "name": "reference", "type": "bytes4" },
              { "name": "corridor", "type": "string[2]" },
              { "name": "insured", "type": "bool" },
              { "name": "adjustment", "type": "int8" },
              { "name": "memo", "type": "bytes" }
            ],
            "Item": [
              { "name": "sku", "type": "string" },
              { "name": "amount", "type": "uint8" }
            ]
          },
          "primaryType": "Order",
          "domain": { "name": "BriOrleans", "chainId": 7 },
          "message": {
            "buyer": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB",
            "items": [
              { "sku": "tea", "amount": 10 },
              { "sku": "silk", "amount": "20" },
              { "sku": "porcelain", "amount": "0x1e" }
            ],
            "reference": "0x01020304",
            "corridor": ["Chongqing", "Duisburg"],
            "insured": true,
            "adjustment": -3,
            "memo": "0xc0ffee"
          }
        }
        """;

    /// <summary>The example after <paramref name="edit"/>, as JSON text.</summary>
    public static string With(Action<JsonObject> edit)
    {
        var tree = JsonNode.Parse(Json)!.AsObject();
        edit(tree);
        return tree.ToJsonString();
    }
}
