using System.Text;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.Crypto;

public class KeccakTests
{
    [Fact]
    public void Keccak_of_the_empty_input_is_the_Ethereum_value_not_FIPS_SHA3()
    {
        Assert.Equal(Hash256.Parse("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"), Keccak.Hash(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Keccak_of_abc_is_the_known_value()
    {
        Assert.Equal(Hash256.Parse("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"), Keccak.Hash(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Span_and_array_inputs_longer_than_one_block_hash_alike()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(Keccak.Hash(data), Keccak.Hash(data.AsSpan()));
        Assert.NotEqual(Keccak.Hash(data), Keccak.Hash(data.AsSpan(0, 999)));
    }

    [Fact]
    public void Hashing_again_after_a_hash_starts_from_a_fresh_state()
    {
        var first = Keccak.Hash(Encoding.ASCII.GetBytes("abc"));
        Keccak.Hash(Encoding.ASCII.GetBytes("something else"));
        Assert.Equal(first, Keccak.Hash(Encoding.ASCII.GetBytes("abc")));
    }
}
