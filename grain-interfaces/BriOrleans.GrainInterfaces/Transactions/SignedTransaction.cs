using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;

namespace BriOrleans.Transactions;

/// <summary>
/// A transaction with its signer's EIP-712 signature. Its hash is the EIP-712 digest the signature covers, so the
/// same transaction carried by two blocks, or re-signed, is one transaction.
/// </summary>
public sealed class SignedTransaction
{
    public SignedTransaction(ITransaction transaction, Signature signature, Hash256 hash)
    {
        Transaction = transaction;
        Signature = signature;
        Hash = hash;
    }

    public ITransaction Transaction { get; }
    public Signature Signature { get; }

    /// <summary>The EIP-712 digest of the transaction under its network's domain.</summary>
    public Hash256 Hash { get; }

    public TransactionKind Kind => TransactionCatalog.Of(Transaction);

    /// <summary>Signs <paramref name="transaction"/> for the network <paramref name="chainId"/>.</summary>
    public static SignedTransaction Sign(ITransaction transaction, PrivateKey key, ulong chainId)
    {
        var hash = TransactionCatalog.Of(transaction).Digest(transaction, chainId);
        return new SignedTransaction(transaction, key.Sign(hash), hash);
    }

    /// <summary>True when the signature recovers to the transaction's <c>from</c>.</summary>
    public bool IsSignedBySender() => Signature.TryRecoverSigner(Hash, out var signer) && signer == Transaction.From;

    /// <summary>Canonical form inside a block: [kind name, fields, signature].</summary>
    public RlpItem ToRlp() => RlpItem.Of(RlpItem.Of(Kind.Name), RecordShape.ToRlp(Transaction), new RlpItem.Bytes(Signature.ToArray()));

    /// <summary>Reads a transaction of a block; its hash is recomputed for <paramref name="chainId"/>, never trusted.</summary>
    public static SignedTransaction FromRlp(RlpItem item, ulong chainId)
    {
        var fields = item.AsList();
        if (fields.Count != 3)
            throw new RlpException($"a signed transaction has 3 fields, found {fields.Count}");
        if (!TransactionCatalog.TryGet(fields[0].AsString(), out var kind))
            throw new RlpException($"unknown transaction kind '{fields[0].AsString()}'");
        var transaction = (ITransaction)RecordShape.FromRlp(kind.RecordType, fields[1]);
        var signature = Signature.TryParse(Hex.Encode(fields[2].AsBytes()), out var s)
            ? s : throw new RlpException("malformed transaction signature");
        return new SignedTransaction(transaction, signature, kind.Digest(transaction, chainId));
    }
}
