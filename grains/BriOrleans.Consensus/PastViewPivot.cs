namespace BriOrleans.Consensus;

/// <summary>
/// The exact, slow parent check: the GHOST walk over the whole of Past(B) with weights counted in
/// that view. Linear in the size of the past; used only where the fork rule's premise fails.
/// </summary>
internal sealed class PastViewPivot(BlockGraph graph, BlockVerdicts verdicts)
{
    private readonly BlockMarks _inView = new();
    private readonly Stack<int> _search = new();
    private long[] _viewWeight = [];

    /// <summary>The pivot tip of Past(<paramref name="block"/>).</summary>
    public int TipOfPast(int block)
    {
        _inView.Clear();
        var view = new List<int>();
        _search.Push(block);
        while (_search.Count > 0)
            foreach (var predecessor in graph.PredecessorsOf(_search.Pop()))
                if (_inView.Add(predecessor))
                {
                    view.Add(predecessor);
                    _search.Push(predecessor);
                }

        if (_viewWeight.Length < graph.Count)
            Array.Resize(ref _viewWeight, Math.Max(graph.Count, _viewWeight.Length * 2));
        view.Sort();
        foreach (var x in view)
            _viewWeight[x] = 0;
        for (var i = view.Count - 1; i >= 0; i--)
        {
            var x = view[i];
            _viewWeight[x] += verdicts.WeightOf(x);
            if (graph.ParentOf(x) is var parent and >= 0)
                _viewWeight[parent] += _viewWeight[x];
        }

        var current = 0;
        while (true)
        {
            var best = -1;
            foreach (var child in verdicts.ActivatedChildrenOf(current))
                if (_inView.Contains(child) && (best < 0 || ForkChoice.IsHeavier(
                        _viewWeight[child], graph.HashOf(child), _viewWeight[best], graph.HashOf(best))))
                    best = child;
            if (best < 0)
                return current;
            current = best;
        }
    }
}
