namespace BriOrleans.Consensus;

/// <summary>
/// Global subtree weights of the parent tree in a link-cut tree: a new block is linked as a leaf,
/// its weight is added to the whole path from the genesis to it, and any block's subtree weight is
/// read back, each in O(log n) amortized (conflux-rust keeps its weight_tree the same way).
/// </summary>
internal sealed class SubtreeWeightTree
{
    private const int None = -1;

    // Splay trees over preferred paths; _up is the splay parent or, at a splay root, the path parent.
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<int> _up = [];
    private readonly List<long> _value = [];
    private readonly List<long> _pendingAdd = [];
    private readonly Stack<int> _pushPath = new();

    /// <summary>Adds block number Count as a leaf under <paramref name="parent"/> (-1 for the root), weighing 0.</summary>
    public void AddLeaf(int parent)
    {
        _left.Add(None);
        _right.Add(None);
        _up.Add(parent);
        _value.Add(0);
        _pendingAdd.Add(0);
    }

    /// <summary>Adds <paramref name="delta"/> to the subtree weight of the block and of all its ancestors.</summary>
    public void AddToPathFromRoot(int block, long delta)
    {
        Access(block);
        _value[block] += delta;
        _pendingAdd[block] += delta;
    }

    public long WeightOf(int block)
    {
        Access(block);
        return _value[block];
    }

    private bool IsSplayRoot(int x)
    {
        var up = _up[x];
        return up == None || (_left[up] != x && _right[up] != x);
    }

    private void Push(int x)
    {
        var add = _pendingAdd[x];
        if (add == 0)
            return;
        foreach (var child in (ReadOnlySpan<int>)[_left[x], _right[x]])
        {
            if (child == None)
                continue;
            _value[child] += add;
            _pendingAdd[child] += add;
        }
        _pendingAdd[x] = 0;
    }

    private void Rotate(int x)
    {
        var y = _up[x];
        var z = _up[y];
        var yWasRoot = IsSplayRoot(y);
        if (_left[y] == x)
        {
            _left[y] = _right[x];
            if (_right[x] != None)
                _up[_right[x]] = y;
            _right[x] = y;
        }
        else
        {
            _right[y] = _left[x];
            if (_left[x] != None)
                _up[_left[x]] = y;
            _left[x] = y;
        }
        _up[y] = x;
        _up[x] = z;
        if (!yWasRoot)
        {
            if (_left[z] == y)
                _left[z] = x;
            else
                _right[z] = x;
        }
    }

    private void Splay(int x)
    {
        // Pending additions must reach x before rotations reshape the path above it.
        _pushPath.Push(x);
        for (var y = x; !IsSplayRoot(y); y = _up[y])
            _pushPath.Push(_up[y]);
        while (_pushPath.Count > 0)
            Push(_pushPath.Pop());

        while (!IsSplayRoot(x))
        {
            var y = _up[x];
            if (!IsSplayRoot(y))
            {
                var z = _up[y];
                Rotate((_left[z] == y) == (_left[y] == x) ? y : x);
            }
            Rotate(x);
        }
    }

    private void Access(int x)
    {
        var below = None;
        for (var y = x; y != None; y = _up[y])
        {
            Splay(y);
            _right[y] = below;
            below = y;
        }
        Splay(x);
    }
}
