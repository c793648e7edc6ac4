namespace BriOrleans.Storage.Tests;

/// <summary>A tree version's stale-node keys survive packing into one value, whatever their depth.</summary>
public class StaleNodeListTests
{
    private static byte[] PrefixOf(int depth, byte fill)
    {
        var prefix = new byte[32];
        for (var bit = 0; bit < depth; bit++)
            if ((bit * 7 + fill) % 3 != 0)
                prefix[bit / 8] |= (byte)(0x80 >> (bit % 8));
        return prefix;
    }

    [Fact]
    public void Keys_of_every_depth_come_back_as_written()
    {
        StoredNodeKey[] keys = [.. new[] { 0, 1, 7, 8, 9, 63, 255, 256 }.Select((depth, i) => new StoredNodeKey(1000L * i, depth, PrefixOf(depth, (byte)i)))];

        var decoded = StaleNodeList.Decode(StaleNodeList.Encode(keys));

        Assert.Equal(keys.Length, decoded.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(keys[i].Version, decoded[i].Version);
            Assert.Equal(keys[i].Depth, decoded[i].Depth);
            Assert.Equal(keys[i].Prefix, decoded[i].Prefix);
        }
        Assert.Empty(StaleNodeList.Decode(StaleNodeList.Encode([])));
    }

    [Fact]
    public void A_truncated_list_is_refused()
    {
        var bytes = StaleNodeList.Encode([new StoredNodeKey(5, 20, PrefixOf(20, 1))]);

        Assert.Throws<InvalidDataException>(() => StaleNodeList.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => StaleNodeList.Decode(bytes.AsSpan(0, 5)));
    }
}
