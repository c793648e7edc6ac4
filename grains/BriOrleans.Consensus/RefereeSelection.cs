namespace BriOrleans.Consensus;

/// <summary>
/// The referees of the next honest block: every tip but the pivot tip, by ascending hash. Beyond
/// the referee bound it keeps the tips whose lowest common ancestor with the pivot tip is highest,
/// as conflux-rust's best_terminals does: it evicts the tip with the lowest LCA and, once every
/// successor of a block outside the pivot tip's past is evicted, offers that block instead, so
/// what is referenced still covers the same history. Not consensus-critical beyond the bound.
/// </summary>
internal static class RefereeSelection
{
    public static int[] Choose(BlockGraph graph, IEnumerable<int> tips, int pivotTip, Func<int, bool> inPastOrPivotTip,
        int bound = OrderingParameters.RefereeBound)
    {
        var others = tips.Where(t => t != pivotTip).ToList();
        if (others.Count > bound)
            others = Bounded(graph, others, pivotTip, inPastOrPivotTip, bound);
        others.Sort((a, b) => graph.HashOf(a).CompareTo(graph.HashOf(b)));
        return [.. others];
    }

    private static List<int> Bounded(BlockGraph graph, List<int> tips, int pivotTip, Func<int, bool> inPastOrPivotTip, int bound)
    {
        // Lowest LCA height first; among equals the latest arrival goes first, as in conflux-rust's heap.
        var queue = new PriorityQueue<int, (int LcaHeight, int Block)>(
            Comparer<(int LcaHeight, int Block)>.Create((a, b) =>
                a.LcaHeight != b.LcaHeight ? a.LcaHeight.CompareTo(b.LcaHeight) : b.Block.CompareTo(a.Block)));
        void Offer(int block) => queue.Enqueue(block, (graph.HeightOf(graph.Lca(block, pivotTip)), block));

        foreach (var tip in tips)
            Offer(tip);
        var evictedSuccessors = new Dictionary<int, int>();
        while (queue.Count > bound)
        {
            var evicted = queue.Dequeue();
            foreach (var predecessor in graph.PredecessorsOf(evicted))
            {
                if (!evictedSuccessors.TryGetValue(predecessor, out var count))
                {
                    if (inPastOrPivotTip(predecessor))
                        continue;
                    count = 0;
                }
                evictedSuccessors[predecessor] = ++count;
                if (count == graph.SuccessorCount(predecessor))
                    Offer(predecessor);
            }
        }
        return [.. queue.UnorderedItems.Select(item => item.Element)];
    }
}
