namespace BriOrleans.Consensus;

/// <summary>
/// The pivot chain with the epoch of every pivot block and the total order they make. An epoch is
/// computed once, when its block becomes pivot, by a search from it that stops at blocks already in
/// a lower epoch (cost ∝ epoch size); a pivot switch unassigns the dropped epochs (cost ∝ their size).
/// </summary>
internal sealed class EpochLedger(BlockGraph graph, int epochBlockBound)
{
    private readonly List<int> _pivot = [];
    private readonly List<int[]> _epochBlocks = [];
    private readonly List<int> _epochStart = [];
    private readonly List<int> _totalOrder = [];
    private readonly List<int> _epochOf = [];
    private readonly SortedSet<int> _notYetOrdered = [];
    private readonly BlockMarks _members = new();
    private readonly Stack<int> _search = new();
    private readonly EpochSorter _sorter = new(graph);

    public IReadOnlyList<int> PivotChain => _pivot;

    public IReadOnlyList<int> TotalOrder => _totalOrder;

    /// <summary>Blocks outside Past(tip) ∪ {tip}, in arrival order.</summary>
    public IReadOnlySet<int> NotYetOrdered => _notYetOrdered;

    public int Tip => _pivot[^1];

    public int EpochCount => _pivot.Count;

    /// <summary>The epoch (pivot height) a block is ordered in, or -1 while it waits.</summary>
    public int EpochOf(int block) => _epochOf[block];

    public IReadOnlyList<int> EpochBlocks(int epoch) => _epochBlocks[epoch];

    public void AddBlock(int block)
    {
        _epochOf.Add(-1);
        _notYetOrdered.Add(block);
    }

    /// <summary>Makes <paramref name="pivot"/>, a child of the tip (or the genesis), the next pivot block and orders its epoch.</summary>
    public void Extend(int pivot)
    {
        var parent = graph.ParentOf(pivot);
        if (_pivot.Count == 0 ? parent >= 0 : parent != Tip)
            throw new InvalidOperationException($"block '{graph.IdOf(pivot)}' does not extend the pivot chain");

        // Past(parent) ∪ {parent} is exactly what the lower epochs hold, so the epoch is the unassigned part of Past(pivot).
        _members.Clear();
        var members = new List<int>();
        _search.Push(pivot);
        while (_search.Count > 0)
        {
            foreach (var predecessor in graph.PredecessorsOf(_search.Pop()))
            {
                if (_epochOf[predecessor] >= 0 || !_members.Add(predecessor))
                    continue;
                members.Add(predecessor);
                _search.Push(predecessor);
            }
        }
        var ordered = _sorter.Order(members, _members, pivot);

        var epoch = _pivot.Count;
        _pivot.Add(pivot);
        _epochBlocks.Add(ordered);
        _epochStart.Add(_totalOrder.Count);
        _totalOrder.AddRange(ordered);
        foreach (var block in ordered)
        {
            _epochOf[block] = epoch;
            _notYetOrdered.Remove(block);
        }
    }

    /// <summary>Drops the epochs above <paramref name="height"/> and returns them, lowest first.</summary>
    public IReadOnlyList<OrderedEpoch> TruncateAbove(int height)
    {
        var removed = new List<OrderedEpoch>();
        for (var epoch = height + 1; epoch < _pivot.Count; epoch++)
            removed.Add(Describe(epoch));
        for (var epoch = _pivot.Count - 1; epoch > height; epoch--)
        {
            foreach (var block in _epochBlocks[epoch])
            {
                _epochOf[block] = -1;
                _notYetOrdered.Add(block);
            }
            _totalOrder.RemoveRange(_epochStart[epoch], _totalOrder.Count - _epochStart[epoch]);
            _pivot.RemoveAt(epoch);
            _epochBlocks.RemoveAt(epoch);
            _epochStart.RemoveAt(epoch);
        }
        return removed;
    }

    public OrderedEpoch Describe(int epoch)
    {
        var ids = Array.ConvertAll(_epochBlocks[epoch], graph.IdOf);
        return new OrderedEpoch(epoch, graph.IdOf(_pivot[epoch]), ids, OrderedEpoch.SkippedPart(ids, epochBlockBound));
    }
}
