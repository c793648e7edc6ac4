using BriOrleans.Crypto;

namespace BriOrleans.Consensus;

/// <summary>
/// Orders an epoch as conflux-rust's topological_sort does: a max-heap on hash over members that no
/// other member depends on, filled from the back, then the pivot block appended last.
/// </summary>
internal sealed class EpochSorter(BlockGraph graph)
{
    private static readonly Comparer<Hash256> LargestFirst = Comparer<Hash256>.Create((a, b) => b.CompareTo(a));

    private readonly Dictionary<int, int> _successorsLeft = [];
    private readonly PriorityQueue<int, Hash256> _ready = new(LargestFirst);

    /// <summary>Orders <paramref name="members"/> (which <paramref name="isMember"/> marks, pivot excluded) and appends the pivot.</summary>
    public int[] Order(List<int> members, BlockMarks isMember, int pivot)
    {
        _successorsLeft.Clear();
        foreach (var block in members)
            _successorsLeft.TryAdd(block, 0);
        foreach (var block in members)
            foreach (var predecessor in graph.PredecessorsOf(block))
                if (isMember.Contains(predecessor))
                    _successorsLeft[predecessor]++;
        foreach (var block in members)
            if (_successorsLeft[block] == 0)
                _ready.Enqueue(block, graph.HashOf(block));

        var ordered = new int[members.Count + 1];
        var slot = members.Count;
        ordered[slot] = pivot;
        while (_ready.TryDequeue(out var block, out _))
        {
            ordered[--slot] = block;
            foreach (var predecessor in graph.PredecessorsOf(block))
                if (isMember.Contains(predecessor) && --_successorsLeft[predecessor] == 0)
                    _ready.Enqueue(predecessor, graph.HashOf(predecessor));
        }
        if (slot != 0)
            throw new InvalidOperationException("an epoch's blocks do not form a DAG");
        return ordered;
    }
}
