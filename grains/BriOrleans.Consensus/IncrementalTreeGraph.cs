namespace BriOrleans.Consensus;

/// <summary>
/// The tree-graph as a node runs it: blocks arrive one at a time in topological order and each
/// insertion updates pivot chain, epochs, total order and tips without recomputing the graph:
/// subtree weights move in O(log n) amortized, and epoch work is proportional to what changed.
/// Every result equals <see cref="BatchTreeGraph.Order"/> on the blocks inserted so far.
/// </summary>
public sealed class IncrementalTreeGraph
{
    private readonly BlockGraph _graph = new();
    private readonly SubtreeWeightTree _weights = new();
    private readonly BlockVerdicts _verdicts;
    private readonly EpochLedger _ledger;
    private readonly ParentChoiceCheck _parentCheck;
    private readonly SortedSet<int> _tips = [];
    private readonly List<int> _tipAfterArrival = [];

    public IncrementalTreeGraph(OrderingParameters? parameters = null)
    {
        Parameters = (parameters ?? OrderingParameters.Default).Checked();
        _verdicts = new BlockVerdicts(_graph, Parameters.InvalidPolicy);
        _ledger = new EpochLedger(_graph, Parameters.EpochBlockBound);
        _parentCheck = new ParentChoiceCheck(_graph, _verdicts, _ledger, _weights);
        PivotChain = new BlockIdList(_graph, _ledger.PivotChain);
        TotalOrder = new BlockIdList(_graph, _ledger.TotalOrder);
        PivotTipAfterEachArrival = new BlockIdList(_graph, _tipAfterArrival);
    }

    public OrderingParameters Parameters { get; }

    public int Count => _graph.Count;

    /// <summary>Live view of the pivot chain, genesis first.</summary>
    public IReadOnlyList<string> PivotChain { get; }

    /// <summary>Live view of the total order (skipped blocks included).</summary>
    public IReadOnlyList<string> TotalOrder { get; }

    /// <summary>Live view of the pivot tip after each insertion so far.</summary>
    public IReadOnlyList<string> PivotTipAfterEachArrival { get; }

    public string PivotTip => _graph.IdOf(RequireGenesis().Tip);

    public int EpochCount => _ledger.EpochCount;

    /// <summary>Blocks nobody activated points at, in arrival order.</summary>
    public IReadOnlyList<string> Tips => [.. _tips.Select(_graph.IdOf)];

    /// <summary>Blocks outside Past(pivot tip) ∪ {pivot tip}, in arrival order.</summary>
    public IReadOnlyList<string> NotYetOrdered => [.. _ledger.NotYetOrdered.Select(_graph.IdOf)];

    public OrderedEpoch Epoch(int number) => _ledger.Describe(number);

    public bool Contains(string id) => _graph.TryGetIndex(id, out _);

    /// <summary>The epoch a block is ordered in, or null while it waits for a later pivot block.</summary>
    public int? EpochOf(string id) => _ledger.EpochOf(_graph.IndexOf(id)) is var epoch and >= 0 ? epoch : null;

    public long SubtreeWeight(string id) => _weights.WeightOf(_graph.IndexOf(id));

    public bool IsParentChoiceValid(string id) => _verdicts.IsValid(_graph.IndexOf(id));

    public NextBlockChoice NextBlock()
    {
        var tip = RequireGenesis().Tip;
        var referees = RefereeSelection.Choose(_graph, _tips, tip, x => _ledger.EpochOf(x) >= 0);
        return new NextBlockChoice(_graph.IdOf(tip), [.. referees.Select(_graph.IdOf)]);
    }

    /// <summary>Why the block cannot be inserted now, or null when it can.</summary>
    public BlockRejection? Validate(TreeGraphBlock block) => _graph.Check(block);

    /// <summary>Inserts a block; throws <see cref="BlockRejectedException"/> when <see cref="Validate"/> would refuse it.</summary>
    public InsertionResult Insert(TreeGraphBlock block)
    {
        var b = _graph.Add(block);
        _weights.AddLeaf(_graph.ParentOf(b));
        _ledger.AddBlock(b);
        var valid = _parentCheck.IsValid(b);
        _verdicts.Record(b, valid);
        if (_verdicts.WeightOf(b) != 0)
            _weights.AddToPathFromRoot(b, _verdicts.WeightOf(b));
        if (_verdicts.IsActivated(b))
        {
            foreach (var predecessor in _graph.PredecessorsOf(b))
                _tips.Remove(predecessor);
            _tips.Add(b);
        }
        var change = UpdatePivotChain(b);
        _tipAfterArrival.Add(_ledger.Tip);
        return new InsertionResult(block.Id, valid, _graph.IdOf(_ledger.Tip), change);
    }

    /// <summary>Everything at once, in the form <see cref="BatchTreeGraph.Order"/> returns (linear cost).</summary>
    public TreeGraphOrdering Snapshot()
    {
        RequireGenesis();
        var all = Enumerable.Range(0, Count);
        return new TreeGraphOrdering(
            PivotChain: [.. PivotChain],
            Epochs: [.. Enumerable.Range(0, EpochCount).Select(_ledger.Describe)],
            NotYetOrdered: NotYetOrdered,
            Tips: Tips,
            NextBlock: NextBlock(),
            SubtreeWeights: all.ToDictionary(_graph.IdOf, _weights.WeightOf, StringComparer.Ordinal),
            ParentChoiceValid: all.Skip(1).ToDictionary(_graph.IdOf, _verdicts.IsValid, StringComparer.Ordinal),
            PivotTipAfterEachArrival: [.. PivotTipAfterEachArrival]);
    }

    /// <summary>
    /// conflux-rust's activate_block: weights only grew along the new block's parent path, so the
    /// pivot chain can only turn at the fork between it and the tip; if the new side now wins,
    /// the chain is cut there and walked again above the fork.
    /// </summary>
    private EpochChange UpdatePivotChain(int b)
    {
        if (_ledger.EpochCount == 0)
        {
            _ledger.Extend(b);
            return new EpochChange(0, [], [_ledger.Describe(0)]);
        }
        if (!_verdicts.IsActivated(b))
            return EpochChange.None(_ledger.EpochCount);
        var tip = _ledger.Tip;
        if (_graph.ParentOf(b) == tip)
        {
            _ledger.Extend(b);
            return new EpochChange(_ledger.EpochCount - 1, [], [_ledger.Describe(_ledger.EpochCount - 1)]);
        }

        var firstChanged = _graph.HeightOf(_graph.Lca(tip, b)) + 1;
        var pivotSide = _graph.AncestorAt(tip, firstChanged);
        var newSide = _graph.AncestorAt(b, firstChanged);
        if (!ForkChoice.IsHeavier(_weights.WeightOf(newSide), _graph.HashOf(newSide),
                _weights.WeightOf(pivotSide), _graph.HashOf(pivotSide)))
            return EpochChange.None(_ledger.EpochCount);

        var removed = _ledger.TruncateAbove(firstChanged - 1);
        for (var x = newSide; x >= 0; x = HeaviestActivatedChild(x))
            _ledger.Extend(x);
        var added = Enumerable.Range(firstChanged, _ledger.EpochCount - firstChanged).Select(_ledger.Describe).ToArray();
        return new EpochChange(firstChanged, removed, added);
    }

    private int HeaviestActivatedChild(int block)
    {
        var best = -1;
        var bestWeight = 0L;
        foreach (var child in _verdicts.ActivatedChildrenOf(block))
        {
            var weight = _weights.WeightOf(child);
            if (best < 0 || ForkChoice.IsHeavier(weight, _graph.HashOf(child), bestWeight, _graph.HashOf(best)))
                (best, bestWeight) = (child, weight);
        }
        return best;
    }

    private EpochLedger RequireGenesis() =>
        Count > 0 ? _ledger : throw new InvalidOperationException("the tree-graph has no genesis block yet");
}
