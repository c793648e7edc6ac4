using BriOrleans.Crypto;

namespace BriOrleans.Consensus;

/// <summary>
/// The blocks of a tree-graph by dense index in arrival order (a topological order), with their
/// edges and parent-tree ancestry. It refuses blocks that cannot enter the graph at all.
/// </summary>
internal sealed class BlockGraph
{
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<Hash256, int> _byHash = [];
    private readonly List<TreeGraphBlock> _blocks = [];
    private readonly List<int[]> _predecessors = [];
    private readonly List<List<int>> _children = [];
    private readonly List<int> _successorCount = [];
    private readonly AncestorIndex _ancestors = new();

    public int Count => _blocks.Count;

    public BlockRejection? Check(TreeGraphBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var id = block.Id;
        if (string.IsNullOrEmpty(id))
            return new(id ?? "", RejectionKind.MissingId, "block '': a block id must not be empty");
        if (_byId.ContainsKey(id))
            return new(id, RejectionKind.DuplicateId, $"block '{id}': the id is already in the graph");
        if (_byHash.TryGetValue(block.Hash, out var twin))
            return new(id, RejectionKind.DuplicateHash, $"block '{id}': hash {block.Hash} is already the hash of block '{IdOf(twin)}'");
        if (block.Weight < 0)
            return new(id, RejectionKind.NegativeWeight, $"block '{id}': weight {block.Weight} is negative");
        var referees = block.Referees ?? [];
        if (block.Parent is null)
        {
            if (Count > 0)
                return new(id, RejectionKind.SecondGenesis, $"block '{id}': only the first block (the genesis) may have no parent");
            return referees.Count == 0 ? null
                : new(id, RejectionKind.GenesisWithEdges, $"block '{id}': the genesis cannot have referees");
        }
        if (Count == 0)
            return new(id, RejectionKind.GenesisWithEdges, $"block '{id}': the first block is the genesis and cannot have a parent");
        if (referees.Count > OrderingParameters.RefereeBound)
            return new(id, RejectionKind.TooManyReferees,
                $"block '{id}': {referees.Count} referees, at most {OrderingParameters.RefereeBound} are allowed");
        if (!_byId.ContainsKey(block.Parent))
            return new(id, RejectionKind.UnknownPredecessor, $"block '{id}': parent '{block.Parent}' is not in the graph");
        var seen = new HashSet<string>(StringComparer.Ordinal) { block.Parent };
        foreach (var referee in referees)
        {
            if (referee is null || !_byId.ContainsKey(referee))
                return new(id, RejectionKind.UnknownPredecessor, $"block '{id}': referee '{referee}' is not in the graph");
            if (!seen.Add(referee))
                return new(id, RejectionKind.DuplicatePredecessor, $"block '{id}': '{referee}' appears twice among parent and referees");
        }
        return null;
    }

    /// <summary>Appends a block and returns its index; the caller must have checked it.</summary>
    public int Add(TreeGraphBlock block)
    {
        if (Check(block) is { } rejection)
            throw new BlockRejectedException(rejection);
        var index = Count;
        var parent = block.Parent is null ? -1 : _byId[block.Parent];
        var predecessors = new int[(parent < 0 ? 0 : 1) + block.Referees.Count];
        if (parent >= 0)
            predecessors[0] = parent;
        for (var i = 0; i < block.Referees.Count; i++)
            predecessors[predecessors.Length - block.Referees.Count + i] = _byId[block.Referees[i]];
        _byId.Add(block.Id, index);
        _byHash.Add(block.Hash, index);
        _blocks.Add(block);
        _predecessors.Add(predecessors);
        _children.Add([]);
        _successorCount.Add(0);
        _ancestors.Add(parent);
        if (parent >= 0)
            _children[parent].Add(index);
        foreach (var predecessor in predecessors)
            _successorCount[predecessor]++;
        return index;
    }

    public bool TryGetIndex(string id, out int index) => _byId.TryGetValue(id, out index);

    public int IndexOf(string id) =>
        _byId.TryGetValue(id, out var index) ? index : throw new KeyNotFoundException($"block '{id}' is not in the graph");

    public string IdOf(int block) => _blocks[block].Id;

    public Hash256 HashOf(int block) => _blocks[block].Hash;

    public long DeclaredWeightOf(int block) => _blocks[block].Weight;

    /// <summary>The parent index, or -1 for the genesis.</summary>
    public int ParentOf(int block) => _predecessors[block].Length == 0 ? -1 : _predecessors[block][0];

    /// <summary>Parent first, then the referees in header order.</summary>
    public int[] PredecessorsOf(int block) => _predecessors[block];

    public IReadOnlyList<int> ChildrenOf(int block) => _children[block];

    /// <summary>How many blocks name this one as parent or referee.</summary>
    public int SuccessorCount(int block) => _successorCount[block];

    public int HeightOf(int block) => _ancestors.Depth(block);

    public int AncestorAt(int block, int height) => _ancestors.AncestorAt(block, height);

    public int Lca(int a, int b) => _ancestors.Lca(a, b);
}
