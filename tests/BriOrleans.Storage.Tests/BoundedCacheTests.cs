namespace BriOrleans.Storage.Tests;

/// <summary>The cache keeps the most recently used entries up to its capacity, and forgets what it is told to.</summary>
public class BoundedCacheTests
{
    [Fact]
    public void A_full_cache_lets_the_least_recently_used_entry_go()
    {
        var cache = new BoundedCache<int, string>(3);
        cache.Set(1, "one");
        cache.Set(2, "two");
        cache.Set(3, "three");
        Assert.True(cache.TryGet(1, out _));

        cache.Set(4, "four");

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(1, out var one));
        Assert.Equal("one", one);
        Assert.True(cache.TryGet(4, out var four));
        Assert.Equal("four", four);
    }

    [Fact]
    public void Setting_a_cached_key_replaces_its_value_without_growing()
    {
        var cache = new BoundedCache<int, string>(2);
        cache.Set(1, "one");
        cache.Set(2, "two");
        cache.Set(1, "uno");
        cache.Set(3, "three");

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet(1, out var one));
        Assert.Equal("uno", one);
        Assert.False(cache.TryGet(2, out _));
    }

    [Fact]
    public void A_removed_entry_is_gone_and_frees_its_place()
    {
        var cache = new BoundedCache<int, string>(2);
        cache.Set(1, "one");
        cache.Set(2, "two");

        cache.Remove(1);
        cache.Remove(99);
        cache.Set(3, "three");

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(3, out _));
        Assert.Equal(2, cache.Count);
    }

    // Random reads, writes and removals against a plain list kept in recency order: the cache must agree on every
    // answer and on which entries remain, through slots being freed, reused and evicted.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(64, 3)]
    public void Random_operations_agree_with_a_list_kept_in_recency_order(int capacity, int seed)
    {
        var random = new Random(seed);
        var cache = new BoundedCache<int, string>(capacity);
        var model = new List<KeyValuePair<int, string>>();
        for (var step = 0; step < 20_000; step++)
        {
            var key = random.Next(capacity * 2);
            var at = model.FindIndex(e => e.Key == key);
            switch (random.Next(10))
            {
                case < 5:
                    var found = cache.TryGet(key, out var value);
                    Assert.Equal(at >= 0, found);
                    if (found)
                    {
                        Assert.Equal(model[at].Value, value);
                        var entry = model[at];
                        model.RemoveAt(at);
                        model.Insert(0, entry);
                    }
                    break;
                case < 9:
                    var text = $"{key}@{step}";
                    cache.Set(key, text);
                    if (at >= 0)
                        model.RemoveAt(at);
                    else if (model.Count == capacity)
                        model.RemoveAt(model.Count - 1);
                    model.Insert(0, new(key, text));
                    break;
                default:
                    cache.Remove(key);
                    if (at >= 0)
                        model.RemoveAt(at);
                    break;
            }
            Assert.Equal(model.Count, cache.Count);
        }
        // Reading back in reverse recency order leaves the recency order unchanged in the end, so the model holds.
        foreach (var (key, value) in Enumerable.Reverse(model))
        {
            Assert.True(cache.TryGet(key, out var cached));
            Assert.Equal(value, cached);
        }
    }

    [Fact]
    public void A_cleared_cache_is_empty_and_fills_again()
    {
        var cache = new BoundedCache<int, string>(2);
        cache.Set(1, "one");
        cache.Set(2, "two");

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(1, out _));
        cache.Set(3, "three");
        cache.Set(4, "four");
        cache.Set(5, "five");
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet(3, out _));
        Assert.True(cache.TryGet(5, out var five));
        Assert.Equal("five", five);
    }
}
