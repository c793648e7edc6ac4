namespace BriOrleans.Storage;

/// <summary>
/// A least-recently-used map of at most <c>capacity</c> entries, for copies of database rows that are read far more
/// often than written. Not thread-safe: its owner holds a lock around it.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _entries = [];
    // Most recently used first.
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            node.Value = new KeyValuePair<TKey, TValue>(key, value);
            _order.AddFirst(node);
            return;
        }
        if (_entries.Count < _capacity)
        {
            _entries[key] = _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            return;
        }
        // Full: the least recently used entry leaves, and its list node carries the new one.
        var oldest = _order.Last!;
        _order.RemoveLast();
        _entries.Remove(oldest.Value.Key);
        oldest.Value = new KeyValuePair<TKey, TValue>(key, value);
        _order.AddFirst(oldest);
        _entries[key] = oldest;
    }

    public void Remove(TKey key)
    {
        if (_entries.Remove(key, out var node))
            _order.Remove(node);
    }

    public void RemoveWhere(Func<TKey, bool> predicate)
    {
        foreach (var key in _entries.Keys.Where(predicate).ToList())
        {
            _order.Remove(_entries[key]);
            _entries.Remove(key);
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _order.Clear();
    }
}
