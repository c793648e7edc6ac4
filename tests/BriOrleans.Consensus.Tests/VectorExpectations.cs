using System.Text.Json.Nodes;

namespace BriOrleans.Consensus.Tests;

/// <summary>Checks an ordering against every key of a vector's "expected" object; an unknown key fails loudly.</summary>
public static class VectorExpectations
{
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>
    {
        "pivot_chain", "epochs", "total_order", "executed_order", "not_yet_ordered", "subtree_weight",
        "parent_choice_valid", "pivot_tip_after_each_arrival", "tips", "next_block", "all_parent_choices_valid",
    };

    public static void AssertMatches(JsonObject expected, TreeGraphOrdering actual)
    {
        foreach (var (key, value) in expected)
        {
            Assert.True(KnownKeys.Contains(key), $"the vector expects '{key}', which these tests do not know how to check");
            switch (key)
            {
                case "pivot_chain": Assert.Equal(Ids(value), actual.PivotChain); break;
                case "total_order": Assert.Equal(Ids(value), actual.TotalOrder); break;
                case "executed_order": Assert.Equal(Ids(value), actual.ExecutedOrder); break;
                case "not_yet_ordered": Assert.Equal(Ids(value), actual.NotYetOrdered); break;
                case "tips": Assert.Equal(Ids(value), actual.Tips); break;
                case "pivot_tip_after_each_arrival": Assert.Equal(Ids(value), actual.PivotTipAfterEachArrival); break;
                case "all_parent_choices_valid": Assert.Equal(value!.GetValue<bool>(), actual.AllParentChoicesValid); break;
                case "next_block":
                    Assert.Equal(value!["parent"]!.GetValue<string>(), actual.NextBlock.Parent);
                    Assert.Equal(Ids(value["referees"]), actual.NextBlock.Referees);
                    break;
                case "subtree_weight":
                    Assert.Equal(
                        value!.AsObject().Select(p => (p.Key, p.Value!.GetValue<long>())).OrderBy(p => p.Key, StringComparer.Ordinal),
                        actual.SubtreeWeights.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
                    break;
                case "parent_choice_valid":
                    Assert.Equal(
                        value!.AsObject().Select(p => (p.Key, p.Value!.GetValue<bool>())).OrderBy(p => p.Key, StringComparer.Ordinal),
                        actual.ParentChoiceValid.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
                    break;
                case "epochs":
                    AssertEpochs(value!.AsArray(), actual.Epochs);
                    break;
            }
        }
    }

    private static void AssertEpochs(JsonArray expected, IReadOnlyList<OrderedEpoch> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var epoch = expected[i]!;
            Assert.Equal(epoch["epoch"]!.GetValue<int>(), actual[i].Number);
            Assert.Equal(epoch["pivot"]!.GetValue<string>(), actual[i].Pivot);
            Assert.Equal(Ids(epoch["blocks"]), actual[i].Blocks);
            Assert.Equal(epoch["skipped"] is { } skipped ? Ids(skipped) : [], actual[i].Skipped);
        }
    }

    private static string[] Ids(JsonNode? node) => [.. node!.AsArray().Select(id => id!.GetValue<string>())];
}
