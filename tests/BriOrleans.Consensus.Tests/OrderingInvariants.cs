using System.Collections;

namespace BriOrleans.Consensus.Tests;

/// <summary>Properties every ordering has, whatever the DAG: checked from the blocks, not from the code under test.</summary>
public static class OrderingInvariants
{
    public static void Hold(DagCase dag, TreeGraphOrdering ordering)
    {
        var index = dag.Blocks.Select((b, i) => (b.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var past = PastSets(dag, index);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ordering.TotalOrder)
            Assert.True(position.TryAdd(id, position.Count), $"{id} is ordered twice ({dag})");

        // Every block is ordered exactly once or waits, never both.
        Assert.DoesNotContain(ordering.NotYetOrdered, position.ContainsKey);
        Assert.Equal(dag.Blocks.Count, position.Count + ordering.NotYetOrdered.Count);

        // Topological: whatever a block points at comes before it; the ordered set is closed under predecessors.
        foreach (var id in ordering.TotalOrder)
        {
            var block = dag.Blocks[index[id]];
            foreach (var predecessor in block.Referees.Concat(block.Parent is null ? [] : [block.Parent]))
                Assert.True(position.TryGetValue(predecessor, out var before) && before < position[id],
                    $"{predecessor} must precede {id} ({dag})");
        }

        foreach (var epoch in ordering.Epochs)
        {
            Assert.Equal(epoch.Pivot, epoch.Blocks[^1]);
            Assert.Equal(ordering.PivotChain[epoch.Number], epoch.Pivot);
            Assert.Equal(Math.Max(0, epoch.Blocks.Count - dag.Parameters.EpochBlockBound), epoch.Skipped.Count);
            // Convex: a block between two members (in the future of one, the past of the other) is a member.
            var members = epoch.Blocks.Select(id => index[id]).ToHashSet();
            for (var z = 0; z < dag.Blocks.Count; z++)
            {
                if (members.Contains(z))
                    continue;
                var above = members.Any(x => past[z][x]);
                var below = members.Any(y => past[y][z]);
                Assert.False(above && below, $"{dag.Blocks[z].Id} lies between members of epoch {epoch.Number} ({dag})");
            }
        }
    }

    private static BitArray[] PastSets(DagCase dag, Dictionary<string, int> index)
    {
        var past = new BitArray[dag.Blocks.Count];
        for (var i = 0; i < dag.Blocks.Count; i++)
        {
            past[i] = new BitArray(dag.Blocks.Count);
            var block = dag.Blocks[i];
            foreach (var predecessor in block.Referees.Concat(block.Parent is null ? [] : [block.Parent]))
            {
                past[i].Or(past[index[predecessor]]);
                past[i][index[predecessor]] = true;
            }
        }
        return past;
    }
}
