using BriOrleans.Crypto;

namespace BriOrleans.Ledger;

/// <summary>
/// The root of an ordered list (a block's transactions, an epoch's receipts): a binary Merkle tree with
/// leaf = keccak(0x00 ‖ item hash), node = keccak(0x01 ‖ left ‖ right), an odd last node carried up unchanged,
/// and the zero hash for an empty list. The prefixes keep leaves and nodes from being confused.
/// </summary>
public static class MerkleList
{
    public static Hash256 Root(IReadOnlyList<Hash256> items)
    {
        if (items.Count == 0)
            return Hash256.Zero;
        Span<byte> buffer = stackalloc byte[1 + 2 * Hash256.Length];
        var level = new Hash256[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            buffer[0] = 0x00;
            items[i].WriteTo(buffer[1..]);
            level[i] = Keccak.Hash(buffer[..(1 + Hash256.Length)]);
        }
        var count = level.Length;
        while (count > 1)
        {
            var next = 0;
            for (var i = 0; i < count; i += 2)
            {
                if (i + 1 == count)
                {
                    level[next++] = level[i];
                    continue;
                }
                buffer[0] = 0x01;
                level[i].WriteTo(buffer[1..]);
                level[i + 1].WriteTo(buffer[(1 + Hash256.Length)..]);
                level[next++] = Keccak.Hash(buffer);
            }
            count = next;
        }
        return level[0];
    }
}
