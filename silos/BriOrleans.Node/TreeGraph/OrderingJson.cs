using System.Text.Json;
using BriOrleans.Consensus;

namespace BriOrleans.Node.TreeGraph;

/// <summary>Writes an ordering with the keys and shapes of a test vector's "expected" object.</summary>
public static class OrderingJson
{
    public static string Write(TreeGraphOrdering ordering)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteIds(json, "pivot_chain", ordering.PivotChain);
            json.WriteStartArray("epochs");
            foreach (var epoch in ordering.Epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", epoch.Number);
                json.WriteString("pivot", epoch.Pivot);
                WriteIds(json, "blocks", epoch.Blocks);
                if (epoch.Skipped.Count > 0)
                    WriteIds(json, "skipped", epoch.Skipped);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteIds(json, "total_order", ordering.TotalOrder);
            WriteIds(json, "not_yet_ordered", ordering.NotYetOrdered);
            WriteIds(json, "tips", ordering.Tips);
            json.WriteStartObject("next_block");
            json.WriteString("parent", ordering.NextBlock.Parent);
            WriteIds(json, "referees", ordering.NextBlock.Referees);
            json.WriteEndObject();
            if (ordering.AnySkipped)
                WriteIds(json, "executed_order", ordering.ExecutedOrder);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIds(Utf8JsonWriter json, string name, IEnumerable<string> ids)
    {
        json.WriteStartArray(name);
        foreach (var id in ids)
            json.WriteStringValue(id);
        json.WriteEndArray();
    }
}
