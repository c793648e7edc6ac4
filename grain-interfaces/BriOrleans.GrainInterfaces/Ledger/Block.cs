using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;
using BriOrleans.Transactions;

namespace BriOrleans.Ledger;

/// <summary>A signed block: its header, its author's signature over the block id, and its transactions.</summary>
public sealed class Block
{
    public Block(BlockHeader header, Signature? signature, IReadOnlyList<SignedTransaction> transactions)
    {
        Header = header;
        Signature = signature;
        Transactions = transactions;
    }

    public BlockHeader Header { get; }

    /// <summary>The author's signature over <see cref="Id"/>; the genesis block alone has none.</summary>
    public Signature? Signature { get; }

    public IReadOnlyList<SignedTransaction> Transactions { get; }

    public Hash256 Id => Header.Id;

    public static Hash256 TransactionsRootOf(IEnumerable<SignedTransaction> transactions) =>
        MerkleList.Root(transactions.Select(t => t.Hash).ToArray());

    /// <summary>Builds and signs a block; the author is the key's address.</summary>
    public static Block Produce(
        ulong chainId, Hash256 parent, ulong height, ulong timestamp, IReadOnlyList<Hash256> referees,
        IReadOnlyList<SignedTransaction> transactions, Hash256 deferredStateRoot, Hash256 deferredReceiptsRoot, PrivateKey author)
    {
        var header = new BlockHeader(chainId, parent, height, timestamp, author.Address, referees,
            TransactionsRootOf(transactions), deferredStateRoot, deferredReceiptsRoot);
        return new Block(header, author.Sign(header.Id), transactions);
    }

    public static Block GenesisOf(Genesis genesis) => new(BlockHeader.GenesisOf(genesis), null, []);

    /// <summary>
    /// Everything wrong with the block on its own (without its place in the graph); empty when sound. Recovering
    /// every transaction's signer is the costly part, and the transactions root costs two hashes a transaction: a
    /// node skips both for a block it produced itself (<paramref name="producedHere"/>), from transactions it
    /// verified on admission and with the root <see cref="Produce"/> computed from the same list.
    /// </summary>
    public IEnumerable<string> IntrinsicProblems(bool producedHere = false)
    {
        if (Header.IsGenesis)
            yield break;
        if (Signature is null)
            yield return "the block is not signed";
        else if (!Signature.TryRecoverSigner(Id, out var signer) || signer != Header.Author)
            yield return $"the signature does not recover to the author {Header.Author}";
        if (!producedHere && TransactionsRootOf(Transactions) != Header.TransactionsRoot)
            yield return "the transactions root does not match the body";
        var seen = new HashSet<Hash256>();
        foreach (var tx in Transactions)
        {
            if (!seen.Add(tx.Hash))
                yield return $"transaction {tx.Hash} appears twice";
            if (!producedHere && !tx.IsSignedBySender())
                yield return $"transaction {tx.Hash} is not signed by its sender {tx.Transaction.From}";
        }
    }

    public byte[] Encode() => RlpItem.Of(
        Header.ToRlp(),
        RlpItem.Of(Signature?.ToArray() ?? []),
        RlpItem.OfList(Transactions, t => t.ToRlp())).Encode();

    /// <summary>Decodes a block; transaction hashes are recomputed for <paramref name="chainId"/>.</summary>
    public static Block Decode(ReadOnlySpan<byte> encoded, ulong chainId)
    {
        var fields = Rlp.Decode(encoded).AsList();
        if (fields.Count != 3)
            throw new RlpException($"a block has 3 fields, found {fields.Count}");
        var header = BlockHeader.FromRlp(fields[0]);
        if (header.ChainId != chainId)
            throw new RlpException($"the block belongs to chain {header.ChainId}, not {chainId}");
        var signatureBytes = fields[1].AsBytes();
        Signature? signature = null;
        if (signatureBytes.Length > 0 && !Signature.TryParse(Hex.Encode(signatureBytes), out signature))
            throw new RlpException("malformed block signature");
        var transactions = fields[2].AsList().Select(t => SignedTransaction.FromRlp(t, chainId)).ToArray();
        return new Block(header, signature, transactions);
    }
}
