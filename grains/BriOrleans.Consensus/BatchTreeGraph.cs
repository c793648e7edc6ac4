using System.Collections;

namespace BriOrleans.Consensus;

/// <summary>
/// The tree-graph ordering of a whole DAG, computed straight from the definitions with explicit
/// past sets. Quadratic in time and memory: it is the reference the incremental form is checked
/// against, not what a node runs.
/// </summary>
public static class BatchTreeGraph
{
    /// <summary>Orders a DAG given in arrival (topological) order; throws <see cref="BlockRejectedException"/> on a malformed block.</summary>
    public static TreeGraphOrdering Order(IReadOnlyList<TreeGraphBlock> blocks, OrderingParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var p = (parameters ?? OrderingParameters.Default).Checked();
        if (blocks.Count == 0)
            throw new ArgumentException("a DAG has at least its genesis block", nameof(blocks));
        var graph = new BlockGraph();
        foreach (var block in blocks)
            graph.Add(block);
        var n = graph.Count;

        // Past(b): everything reachable over parent and referee edges.
        var past = new BitArray[n];
        for (var b = 0; b < n; b++)
        {
            past[b] = new BitArray(n);
            foreach (var predecessor in graph.PredecessorsOf(b))
            {
                past[b].Or(past[predecessor]);
                past[b][predecessor] = true;
            }
        }

        // A block's validity depends only on its past, so arrival order settles it block by block.
        var valid = new bool[n];
        var weight = new long[n];
        bool Activated(int b) => p.InvalidPolicy == InvalidBlockPolicy.Count || valid[b];
        for (var b = 0; b < n; b++)
        {
            var own = past[b];
            valid[b] = b == 0 || PivotTip(graph, weight, Activated, x => own[x]) == graph.ParentOf(b);
            weight[b] = Activated(b) ? graph.DeclaredWeightOf(b) : 0;
        }

        var tip = PivotTip(graph, weight, Activated, _ => true);
        var chain = new List<int>();
        for (var x = tip; x >= 0; x = graph.ParentOf(x))
            chain.Add(x);
        chain.Reverse();

        var epochs = new List<OrderedEpoch>();
        for (var k = 0; k < chain.Count; k++)
        {
            var pivot = chain[k];
            var members = new List<int>();
            if (k > 0)
            {
                var previous = chain[k - 1];
                for (var x = 0; x < n; x++)
                    if (past[pivot][x] && !past[previous][x] && x != previous)
                        members.Add(x);
            }
            var ids = OrderWithinEpoch(graph, members).Append(pivot).Select(graph.IdOf).ToArray();
            epochs.Add(new OrderedEpoch(k, graph.IdOf(pivot), ids, OrderedEpoch.SkippedPart(ids, p.EpochBlockBound)));
        }

        var hasActivatedSuccessor = new bool[n];
        for (var b = 0; b < n; b++)
            if (Activated(b))
                foreach (var predecessor in graph.PredecessorsOf(b))
                    hasActivatedSuccessor[predecessor] = true;
        var tips = Enumerable.Range(0, n).Where(b => Activated(b) && !hasActivatedSuccessor[b]).ToArray();
        var referees = RefereeSelection.Choose(graph, tips, tip, x => x == tip || past[tip][x]);

        var subtreeWeight = SubtreeWeights(graph, weight, _ => true);
        return new TreeGraphOrdering(
            PivotChain: [.. chain.Select(graph.IdOf)],
            Epochs: epochs,
            NotYetOrdered: [.. Enumerable.Range(0, n).Where(x => x != tip && !past[tip][x]).Select(graph.IdOf)],
            Tips: [.. tips.Select(graph.IdOf)],
            NextBlock: new NextBlockChoice(graph.IdOf(tip), [.. referees.Select(graph.IdOf)]),
            SubtreeWeights: Enumerable.Range(0, n).ToDictionary(graph.IdOf, x => subtreeWeight[x], StringComparer.Ordinal),
            ParentChoiceValid: Enumerable.Range(1, n - 1).ToDictionary(graph.IdOf, x => valid[x], StringComparer.Ordinal),
            PivotTipAfterEachArrival: [.. Enumerable.Range(1, n).Select(k => graph.IdOf(PivotTip(graph, weight, Activated, x => x < k)))]);
    }

    /// <summary>The GHOST walk over the blocks of a view (a set closed under predecessors).</summary>
    private static int PivotTip(BlockGraph graph, long[] weight, Func<int, bool> activated, Func<int, bool> inView)
    {
        var subtreeWeight = SubtreeWeights(graph, weight, inView);
        var current = 0;
        while (true)
        {
            var best = -1;
            foreach (var child in graph.ChildrenOf(current))
                if (inView(child) && activated(child) && (best < 0 || ForkChoice.IsHeavier(
                        subtreeWeight[child], graph.HashOf(child), subtreeWeight[best], graph.HashOf(best))))
                    best = child;
            if (best < 0)
                return current;
            current = best;
        }
    }

    private static long[] SubtreeWeights(BlockGraph graph, long[] weight, Func<int, bool> inView)
    {
        var total = new long[graph.Count];
        // Arrival order is topological, so every child comes after its parent.
        for (var x = graph.Count - 1; x >= 0; x--)
        {
            if (!inView(x))
                continue;
            total[x] += weight[x];
            if (graph.ParentOf(x) is var parent and >= 0)
                total[parent] += total[x];
        }
        return total;
    }

    /// <summary>
    /// Fills the epoch from the back: the next slot goes to the largest-hash member that no
    /// remaining member depends on (reverse Kahn with a max-hash choice).
    /// </summary>
    private static IEnumerable<int> OrderWithinEpoch(BlockGraph graph, List<int> members)
    {
        var remaining = new HashSet<int>(members);
        var fromBack = new List<int>();
        while (remaining.Count > 0)
        {
            var depended = new HashSet<int>();
            foreach (var x in remaining)
                foreach (var predecessor in graph.PredecessorsOf(x))
                    depended.Add(predecessor);
            var last = remaining.Where(x => !depended.Contains(x)).MaxBy(graph.HashOf);
            fromBack.Add(last);
            remaining.Remove(last);
        }
        fromBack.Reverse();
        return fromBack;
    }
}
