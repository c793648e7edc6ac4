namespace BriOrleans.Consensus;

/// <summary>
/// Decides whether a new block B's parent P is the pivot tip of Past(B) without walking that past
/// (conflux-rust's check_correct_parent). When P is valid, P's chain already won every fork inside
/// Past(P), so in B's view only two things can go wrong: P has an activated child, or a fork where a
/// block of B's epoch set E = Past(B) \ Past(P) \ {P} branches off now outweighs P's side. Weights in
/// B's view are the global weights minus B's anticone, and that anticone lies among the blocks not
/// ordered at or below the height where P leaves the current pivot chain, a small set for honest
/// producers. When P is itself invalid (policy count) the premise fails and the exact walk decides.
/// </summary>
internal sealed class ParentChoiceCheck(BlockGraph graph, BlockVerdicts verdicts, EpochLedger ledger, SubtreeWeightTree weights)
{
    private readonly PastViewPivot _exact = new(graph, verdicts);
    private readonly BlockMarks _pastOfBlock = new();
    private readonly BlockMarks _pastOfParent = new();
    private readonly Stack<int> _search = new();

    /// <summary>Call after the block entered the graph and the ledger, before it has a verdict or weight.</summary>
    public bool IsValid(int block)
    {
        var parent = graph.ParentOf(block);
        if (parent < 0)
            return true;
        if (!verdicts.IsActivated(parent))
            return false;
        return verdicts.IsValid(parent) ? ForkRule(block, parent) : _exact.TipOfPast(block) == parent;
    }

    private bool ForkRule(int block, int parent)
    {
        // Blocks ordered at or below this height are in Past(P) and Past(B) alike: nothing to look at there.
        var forkHeight = graph.HeightOf(graph.Lca(parent, ledger.Tip));
        bool InRegion(int x) => ledger.EpochOf(x) < 0 || ledger.EpochOf(x) > forkHeight;
        var pastOfBlock = SearchPast(block, _pastOfBlock, InRegion);
        SearchPast(parent, _pastOfParent, InRegion);

        var childHeight = graph.HeightOf(parent) + 1;
        var forks = new List<(int Side, int ParentSide)>();
        var sides = new HashSet<int>();
        foreach (var x in pastOfBlock)
        {
            if (x == parent || _pastOfParent.Contains(x))
                continue;
            var lca = graph.Lca(x, parent);
            if (lca == parent)
            {
                if (verdicts.IsActivated(graph.AncestorAt(x, childHeight)))
                    return false;
                continue;
            }
            var side = graph.AncestorAt(x, graph.HeightOf(lca) + 1);
            if (verdicts.IsActivated(side) && sides.Add(side))
                forks.Add((side, graph.AncestorAt(parent, graph.HeightOf(lca) + 1)));
        }
        if (forks.Count == 0)
            return true;

        var anticoneWeight = forks.SelectMany(f => (int[])[f.Side, f.ParentSide]).Distinct().ToDictionary(x => x, _ => 0L);
        CollectAnticoneWeight(block, forkHeight, anticoneWeight);
        foreach (var (side, parentSide) in forks)
        {
            var sideWeight = weights.WeightOf(side) - anticoneWeight[side];
            var parentSideWeight = weights.WeightOf(parentSide) - anticoneWeight[parentSide];
            if (ForkChoice.IsHeavier(sideWeight, graph.HashOf(side), parentSideWeight, graph.HashOf(parentSide)))
                return false;
        }
        return true;
    }

    /// <summary>Adds to each fork child the weight of B's anticone that lies in its subtree.</summary>
    private void CollectAnticoneWeight(int block, int forkHeight, Dictionary<int, long> anticoneWeight)
    {
        var heights = anticoneWeight.Keys.Select(graph.HeightOf).Distinct().ToArray();
        var candidates = Enumerable.Range(forkHeight + 1, ledger.EpochCount - forkHeight - 1)
            .SelectMany(ledger.EpochBlocks)
            .Concat(ledger.NotYetOrdered);
        foreach (var other in candidates)
        {
            if (other == block || _pastOfBlock.Contains(other))
                continue;
            var weight = verdicts.WeightOf(other);
            var otherHeight = graph.HeightOf(other);
            foreach (var height in heights)
            {
                if (weight == 0 || height > otherHeight)
                    continue;
                var ancestor = graph.AncestorAt(other, height);
                if (anticoneWeight.TryGetValue(ancestor, out var sum))
                    anticoneWeight[ancestor] = sum + weight;
            }
        }
    }

    private List<int> SearchPast(int start, BlockMarks marks, Func<int, bool> inRegion)
    {
        marks.Clear();
        var found = new List<int>();
        _search.Push(start);
        while (_search.Count > 0)
            foreach (var predecessor in graph.PredecessorsOf(_search.Pop()))
                if (inRegion(predecessor) && marks.Add(predecessor))
                {
                    found.Add(predecessor);
                    _search.Push(predecessor);
                }
        return found;
    }
}
