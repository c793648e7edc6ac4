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
}
