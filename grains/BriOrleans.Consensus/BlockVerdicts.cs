namespace BriOrleans.Consensus;

/// <summary>
/// What is settled about each block when it is inserted and never changes after: whether its parent
/// choice is valid, its effective weight, and whether the pivot walk may step onto it.
/// </summary>
internal sealed class BlockVerdicts(BlockGraph graph, InvalidBlockPolicy policy)
{
    private readonly List<bool> _valid = [];
    private readonly List<long> _weight = [];
    private readonly List<List<int>> _activatedChildren = [];

    public bool IsValid(int block) => _valid[block];

    /// <summary>Activated blocks carry weight, can be pivot and can be tips; under policy zero only valid ones are.</summary>
    public bool IsActivated(int block) => policy == InvalidBlockPolicy.Count || _valid[block];

    public long WeightOf(int block) => _weight[block];

    public IReadOnlyList<int> ActivatedChildrenOf(int block) => _activatedChildren[block];

    public void Record(int block, bool valid)
    {
        _valid.Add(valid);
        _activatedChildren.Add([]);
        var activated = IsActivated(block);
        _weight.Add(activated ? graph.DeclaredWeightOf(block) : 0);
        if (activated && graph.ParentOf(block) is var parent and >= 0)
            _activatedChildren[parent].Add(block);
    }
}
