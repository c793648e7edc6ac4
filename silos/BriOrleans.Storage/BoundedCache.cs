namespace BriOrleans.Storage;

/// <summary>
/// A least-recently-used map of at most <c>capacity</c> entries, for copies of database rows that are read far more
/// often than written. Not thread-safe: its owner holds a lock around it.
/// </summary>
/// <remarks>
/// The entries live in slots of plain arrays, and the recency order links slots by index. A cache of hundreds of
/// thousands of entries, as the state tree's nodes are, is then a few large arrays rather than objects per entry: the
/// garbage collector has nothing to trace in them when keys and values are structs without references, and a read,
/// which moves its entry to the front, writes only integers (a linked list of objects would dirty old-generation
/// memory on every read, and every young collection would scan it).
/// </remarks>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private const int None = -1;
    private const int FirstSlots = 16;

    private readonly int _capacity;
    private readonly Dictionary<TKey, int> _slotOf = [];
    private TKey[] _keys = [];
    private TValue[] _values = [];
    // The recency order, most recently used first; a free slot's _newer is the next free slot.
    private int[] _newer = [];
    private int[] _older = [];
    private int _newest = None;
    private int _oldest = None;
    private int _free = None;
    private int _used;

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _slotOf.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_slotOf.TryGetValue(key, out var slot))
        {
            MoveToFront(slot);
            value = _values[slot];
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_slotOf.TryGetValue(key, out var slot))
        {
            _values[slot] = value;
            MoveToFront(slot);
            return;
        }
        if (_slotOf.Count == _capacity)
        {
            // Full: the least recently used entry leaves, and its slot carries the new one.
            slot = _oldest;
            Unlink(slot);
            _slotOf.Remove(_keys[slot]);
        }
        else
            slot = TakeFreeSlot();
        _keys[slot] = key;
        _values[slot] = value;
        _slotOf[key] = slot;
        LinkFirst(slot);
    }

    public void Remove(TKey key)
    {
        if (_slotOf.Remove(key, out var slot))
            Free(slot);
    }

    public void RemoveWhere(Func<TKey, bool> predicate)
    {
        foreach (var key in _slotOf.Keys.Where(predicate).ToList())
            Remove(key);
    }

    public void Clear()
    {
        _slotOf.Clear();
        _keys = [];
        _values = [];
        _newer = [];
        _older = [];
        _newest = _oldest = _free = None;
        _used = 0;
    }

    private int TakeFreeSlot()
    {
        if (_free != None)
        {
            var slot = _free;
            _free = _newer[slot];
            return slot;
        }
        if (_used == _keys.Length)
        {
            // Grows like a list, so a small cache of a large capacity costs little.
            var length = (int)Math.Min(_capacity, Math.Max(FirstSlots, 2L * _keys.Length));
            Array.Resize(ref _keys, length);
            Array.Resize(ref _values, length);
            Array.Resize(ref _newer, length);
            Array.Resize(ref _older, length);
        }
        return _used++;
    }

    private void Free(int slot)
    {
        Unlink(slot);
        // Nothing may stay reachable from a free slot.
        _keys[slot] = default!;
        _values[slot] = default!;
        _newer[slot] = _free;
        _free = slot;
    }

    private void MoveToFront(int slot)
    {
        if (slot == _newest)
            return;
        Unlink(slot);
        LinkFirst(slot);
    }

    private void LinkFirst(int slot)
    {
        _newer[slot] = None;
        _older[slot] = _newest;
        if (_newest != None)
            _newer[_newest] = slot;
        _newest = slot;
        if (_oldest == None)
            _oldest = slot;
    }

    private void Unlink(int slot)
    {
        var newer = _newer[slot];
        var older = _older[slot];
        if (newer != None)
            _older[newer] = older;
        else
            _newest = older;
        if (older != None)
            _newer[older] = newer;
        else
            _oldest = newer;
    }
}
