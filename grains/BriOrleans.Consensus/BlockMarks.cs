namespace BriOrleans.Consensus;

/// <summary>
/// A reusable set of block indices cleared in O(1) by bumping a generation, so graph searches
/// cost what they visit rather than the size of the graph.
/// </summary>
internal sealed class BlockMarks
{
    private int[] _stamp = new int[64];
    private int _generation = 1;

    public void Clear()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
    }

    /// <summary>Marks the block; false when it was already marked.</summary>
    public bool Add(int block)
    {
        if (block >= _stamp.Length)
            Array.Resize(ref _stamp, Math.Max(block + 1, _stamp.Length * 2));
        if (_stamp[block] == _generation)
            return false;
        _stamp[block] = _generation;
        return true;
    }

    public bool Contains(int block) => block < _stamp.Length && _stamp[block] == _generation;
}
