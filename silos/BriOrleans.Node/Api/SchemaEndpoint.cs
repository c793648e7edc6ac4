using System.Text.Json.Nodes;
using BriOrleans.Ledger;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Api;

/// <summary><c>GET /v1/schema</c>: the EIP-712 domain and every transaction kind's types, as a signer needs them.</summary>
public static class SchemaEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/v1/schema", (Genesis genesis) => Results.Json(Describe(genesis), ApiJson.Options));

    public static JsonObject Describe(Genesis genesis)
    {
        var kinds = new JsonObject();
        foreach (var kind in TransactionCatalog.All)
        {
            var types = new JsonObject();
            foreach (var (name, fields) in kind.Types)
                types[name] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);
            kinds[kind.Name] = new JsonObject
            {
                ["primaryType"] = kind.PrimaryType,
                ["types"] = types,
                ["optionalFields"] = new JsonArray([.. kind.OptionalFields.Order(StringComparer.Ordinal).Select(f => (JsonNode)f)]),
            };
        }
        return new JsonObject
        {
            ["domain"] = TransactionCatalog.Domain(genesis.ChainId),
            ["domainTypes"] = new JsonArray(
                new JsonObject { ["name"] = "name", ["type"] = "string" },
                new JsonObject { ["name"] = "version", ["type"] = "string" },
                new JsonObject { ["name"] = "chainId", ["type"] = "uint256" }),
            ["kinds"] = kinds,
        };
    }
}
