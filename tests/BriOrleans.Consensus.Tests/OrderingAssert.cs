namespace BriOrleans.Consensus.Tests;

/// <summary>Field-by-field equality of two orderings, so a failure says which part differs.</summary>
public static class OrderingAssert
{
    public static void Equal(TreeGraphOrdering expected, TreeGraphOrdering actual)
    {
        Assert.Equal(expected.PivotChain, actual.PivotChain);
        Assert.Equal(expected.Epochs.Count, actual.Epochs.Count);
        for (var i = 0; i < expected.Epochs.Count; i++)
        {
            Assert.Equal(expected.Epochs[i].Number, actual.Epochs[i].Number);
            Assert.Equal(expected.Epochs[i].Pivot, actual.Epochs[i].Pivot);
            Assert.Equal(expected.Epochs[i].Blocks, actual.Epochs[i].Blocks);
            Assert.Equal(expected.Epochs[i].Skipped, actual.Epochs[i].Skipped);
        }
        Assert.Equal(expected.TotalOrder, actual.TotalOrder);
        Assert.Equal(expected.ExecutedOrder, actual.ExecutedOrder);
        Assert.Equal(expected.NotYetOrdered, actual.NotYetOrdered);
        Assert.Equal(expected.Tips, actual.Tips);
        Assert.Equal(expected.NextBlock.Parent, actual.NextBlock.Parent);
        Assert.Equal(expected.NextBlock.Referees, actual.NextBlock.Referees);
        Assert.Equal(Sorted(expected.SubtreeWeights), Sorted(actual.SubtreeWeights));
        Assert.Equal(Sorted(expected.ParentChoiceValid), Sorted(actual.ParentChoiceValid));
        Assert.Equal(expected.PivotTipAfterEachArrival, actual.PivotTipAfterEachArrival);
    }

    private static IEnumerable<KeyValuePair<string, T>> Sorted<T>(IReadOnlyDictionary<string, T> map) =>
        map.OrderBy(p => p.Key, StringComparer.Ordinal);
}
