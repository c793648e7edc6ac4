using System.Collections;

namespace BriOrleans.Consensus;

/// <summary>A live, read-only view of block indices as block ids, so exposing a long chain costs nothing.</summary>
internal sealed class BlockIdList(BlockGraph graph, IReadOnlyList<int> blocks) : IReadOnlyList<string>
{
    public string this[int index] => graph.IdOf(blocks[index]);

    public int Count => blocks.Count;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < blocks.Count; i++)
            yield return graph.IdOf(blocks[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
