using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Node.Tests.Hosting;

namespace BriOrleans.Node.Tests.Crash;

/// <summary>
/// The domain objects at some API paths as a node serves them, with the ledger times set aside: they are the
/// wall-clock timestamps of the pivot blocks that executed each change, so two nodes that cut the same
/// transactions into different blocks record different times and nothing else.
/// </summary>
public static class DomainState
{
    private static readonly HashSet<string> s_ledgerTimes =
        ["registeredAt", "createdAt", "deliveredAt", "anchoredAt", "eventCreatedDateTime", "offeredAt", "acceptedAt"];

    public static async Task<JsonObject> ReadAsync(NodeApi api, IEnumerable<string> paths)
    {
        var state = new JsonObject();
        foreach (var path in paths)
        {
            var answer = await api.GetAsync(path);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {path} answered {answer}");
            state[path] = new JsonObject { ["status"] = (int)answer.Status, ["body"] = WithoutLedgerTimes(answer.Body) };
        }
        return state;
    }

    private static JsonNode? WithoutLedgerTimes(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => !s_ledgerTimes.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, WithoutLedgerTimes(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(WithoutLedgerTimes)]),
        _ => node?.DeepClone(),
    };
}
