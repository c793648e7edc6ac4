using BriOrleans.Crypto;
using BriOrleans.CanonicalEncoding;

namespace BriOrleans.Ledger;

/// <summary>
/// A block's header (CONSENSUS.md): its one parent and its referees (the tree-graph edges), its author
/// validator, a timestamp in Unix milliseconds, the root of its transactions, and the state and receipts
/// roots of the epoch of its ancestor <c>deferredEpochs</c> below it. The block id is Keccak-256 of the
/// header's RLP without the signature, so a deterministic re-signature never changes it.
/// </summary>
public sealed record BlockHeader(
    ulong ChainId,
    Hash256 ParentId,
    ulong Height,
    ulong Timestamp,
    Address Author,
    IReadOnlyList<Hash256> Referees,
    Hash256 TransactionsRoot,
    Hash256 DeferredStateRoot,
    Hash256 DeferredReceiptsRoot)
{
    private Hash256? _id;

    public Hash256 Id => _id ??= Keccak.Hash(ToRlp().Encode());

    public bool IsGenesis => Height == 0;

    public RlpItem ToRlp() => RlpItem.Of(
        RlpItem.Of(ChainId),
        RlpItem.Of(ParentId),
        RlpItem.Of(Height),
        RlpItem.Of(Timestamp),
        RlpItem.Of(Author),
        RlpItem.OfList(Referees, r => RlpItem.Of(r)),
        RlpItem.Of(TransactionsRoot),
        RlpItem.Of(DeferredStateRoot),
        RlpItem.Of(DeferredReceiptsRoot));

    public static BlockHeader FromRlp(RlpItem item)
    {
        var f = item.AsList();
        if (f.Count != 9)
            throw new RlpException($"a block header has 9 fields, found {f.Count}");
        return new BlockHeader(
            f[0].AsUInt64(),
            HashOf(f[1]),
            f[2].AsUInt64(),
            f[3].AsUInt64(),
            f[4].AsBytes().Length == Address.Length ? new Address(f[4].AsBytes()) : throw new RlpException("an author is 20 bytes"),
            f[5].AsList().Select(HashOf).ToArray(),
            HashOf(f[6]),
            HashOf(f[7]),
            HashOf(f[8]));
    }

    private static Hash256 HashOf(RlpItem item) =>
        item.AsBytes().Length == Hash256.Length ? new Hash256(item.AsBytes()) : throw new RlpException("a hash is 32 bytes");

    /// <summary>The genesis block's header: height 0, no parent, no author, the genesis hash as its transactions root.</summary>
    public static BlockHeader GenesisOf(Genesis genesis) => new(
        genesis.ChainId, Hash256.Zero, 0, genesis.Timestamp, Address.Zero, [], genesis.Hash(), Hash256.Zero, Hash256.Zero);
}
