using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;

namespace BriOrleans.Ledger;

/// <summary>How a transaction ended: executed, or failed by a rule (its nonce consumed, state unchanged).</summary>
public enum TransactionStatus
{
    Executed,
    Failed,
}

/// <summary>
/// The record of one transaction's execution in the total order: where it ran (block, epoch, position in the
/// epoch), how it ended, and for a failure the stable reason code and a message for people.
/// </summary>
public sealed record Receipt(
    Hash256 TransactionHash,
    string Kind,
    Address From,
    ulong Nonce,
    Hash256 BlockId,
    ulong Epoch,
    int Position,
    TransactionStatus Status,
    string ReasonCode,
    string Message,
    ulong Timestamp)
{
    public RlpItem ToRlp() => RlpItem.Of(
        RlpItem.Of(TransactionHash), RlpItem.Of(Kind), RlpItem.Of(From), RlpItem.Of(Nonce),
        RlpItem.Of(BlockId), RlpItem.Of(Epoch), RlpItem.Of((ulong)Position),
        RlpItem.Of(Status == TransactionStatus.Executed ? "executed" : "failed"), RlpItem.Of(ReasonCode), RlpItem.Of(Message),
        RlpItem.Of(Timestamp));

    /// <summary>Keccak-256 of the canonical encoding: the leaf of the epoch's receipts root.</summary>
    public Hash256 Hash() => Keccak.Hash(ToRlp().Encode());

    public static Hash256 RootOf(IReadOnlyList<Receipt> receipts) => MerkleList.Root(HashesOf(receipts));

    /// <summary>Each receipt's <see cref="Hash"/>, in order.</summary>
    public static Hash256[] HashesOf(IReadOnlyList<Receipt> receipts)
    {
        var hashes = new Hash256[receipts.Count];
        for (var i = 0; i < hashes.Length; i++)
            hashes[i] = receipts[i].Hash();
        return hashes;
    }
}
