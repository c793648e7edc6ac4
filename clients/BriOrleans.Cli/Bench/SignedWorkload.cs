using System.Buffers.Binary;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Sdk;
using BriOrleans.Transactions;
using BriOrleans.TypedData;

namespace BriOrleans.Cli.Bench;

/// <summary>A transaction signed and encoded before the timed run: what is submitted, and the hash its receipt will carry.</summary>
internal sealed record PresignedTransaction(SignedSubmission Submission)
{
    public Hash256 Hash => Submission.Hash;
}

/// <summary>
/// The bench's transactions, signed before timing starts: anchor-document transactions with distinct document
/// hashes, dealt round-robin over the senders, each sender's with consecutive nonces.
/// </summary>
internal static class SignedWorkload
{
    public const string DocumentType = "INV";

    private static readonly TransactionKind s_kind = TransactionInput.Of<AnchorDocument>();

    /// <summary>One queue per sender, in nonce order; together they hold <paramref name="total"/> transactions.</summary>
    public static PresignedTransaction[][] Sign(IReadOnlyList<PrivateKey> senders, IReadOnlyList<ulong> firstNonces, int total, ulong chainId)
    {
        var queues = new PresignedTransaction[senders.Count][];
        Parallel.For(0, senders.Count, s =>
        {
            var length = total / senders.Count + (s < total % senders.Count ? 1 : 0);
            var queue = new PresignedTransaction[length];
            for (var i = 0; i < length; i++)
            {
                var nonce = firstNonces[s] + (ulong)i;
                var fields = new JsonObject
                {
                    ["documentTypeCode"] = DocumentType,
                    ["documentHash"] = DocumentHash(senders[s].Address, nonce).ToString(),
                };
                var typedData = s_kind.Prepare(fields, senders[s].Address, nonce, chainId);
                queue[i] = new PresignedTransaction(SignedSubmission.Of(typedData, senders[s].Sign(Eip712.Digest(typedData))));
            }
            queues[s] = queue;
        });
        return queues;
    }

    /// <summary>Keccak-256 of sender ‖ nonce: distinct for every transaction, and senders are fresh keys every run.</summary>
    private static Hash256 DocumentHash(Address sender, ulong nonce)
    {
        Span<byte> seed = stackalloc byte[Address.Length + sizeof(ulong)];
        sender.WriteTo(seed);
        BinaryPrimitives.WriteUInt64BigEndian(seed[Address.Length..], nonce);
        return Keccak.Hash(seed);
    }
}
