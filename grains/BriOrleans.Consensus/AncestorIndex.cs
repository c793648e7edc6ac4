namespace BriOrleans.Consensus;

/// <summary>
/// Ancestor queries on the parent tree in O(log n) with one jump pointer per block (skew-binary
/// jump pointers), so blocks can be appended as leaves without rebuilding anything.
/// </summary>
internal sealed class AncestorIndex
{
    private readonly List<int> _parent = [];
    private readonly List<int> _jump = [];
    private readonly List<int> _depth = [];

    /// <summary>Appends block number Count with the given parent (-1 for the root).</summary>
    public void Add(int parent)
    {
        var node = _parent.Count;
        if (parent < 0)
        {
            _parent.Add(-1);
            _jump.Add(node);
            _depth.Add(0);
            return;
        }
        var up = _jump[parent];
        var jump = _depth[parent] - _depth[up] == _depth[up] - _depth[_jump[up]] ? _jump[up] : parent;
        _parent.Add(parent);
        _jump.Add(jump);
        _depth.Add(_depth[parent] + 1);
    }

    public int Depth(int node) => _depth[node];

    /// <summary>The ancestor of <paramref name="node"/> (or the node itself) at the given depth.</summary>
    public int AncestorAt(int node, int depth)
    {
        if (depth < 0 || depth > _depth[node])
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"block {node} has depth {_depth[node]}");
        while (_depth[node] > depth)
            node = _depth[_jump[node]] >= depth ? _jump[node] : _parent[node];
        return node;
    }

    /// <summary>The lowest common ancestor of two blocks in the parent tree.</summary>
    public int Lca(int a, int b)
    {
        if (_depth[a] < _depth[b])
            (a, b) = (b, a);
        a = AncestorAt(a, _depth[b]);
        // Jump pointers depend only on depth, so a and b jump in step.
        while (a != b)
        {
            if (_jump[a] != _jump[b])
            {
                a = _jump[a];
                b = _jump[b];
            }
            else
            {
                a = _parent[a];
                b = _parent[b];
            }
        }
        return a;
    }
}
