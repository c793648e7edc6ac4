using System.Data.Common;
using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>
/// The receipts table: each receipt's canonical fields as columns, keyed by transaction hash, with its hash and the
/// transaction's position in the block that carried it.
/// </summary>
internal static class ReceiptTable
{
    private const string Executed = "executed";
    private const string Failed = "failed";

    /// <summary>
    /// The rows of <paramref name="receipts"/>; <paramref name="hashes"/> and <paramref name="placements"/> hold, in the
    /// same order, each receipt's hash and where its transaction sits (<see cref="EpochCommit.Problems()"/> refuses a
    /// commit where they do not match).
    /// </summary>
    public static RowSet Rows(IReadOnlyList<Receipt> receipts, IReadOnlyList<Hash256> hashes, IReadOnlyList<TransactionPlacement> placements)
    {
        var rows = new RowSet("receipts",
            new("tx_hash", ColumnType.Blob), new("epoch", ColumnType.Integer), new("position", ColumnType.Integer), new("receipt_hash", ColumnType.Blob),
            new("kind", ColumnType.Text), new("sender", ColumnType.Blob), new("nonce", ColumnType.Integer), new("block_id", ColumnType.Blob),
            new("status", ColumnType.Text), new("reason_code", ColumnType.Text), new("message", ColumnType.Text), new("timestamp", ColumnType.Integer),
            new("block_position", ColumnType.Integer));
        for (var i = 0; i < receipts.Count; i++)
        {
            var r = receipts[i];
            rows.Add(r.TransactionHash.ToArray(), DbValues.Ordered(r.Epoch, "epoch"), (long)r.Position, hashes[i].ToArray(),
                r.Kind, r.From.ToArray(), DbValues.Bits(r.Nonce), r.BlockId.ToArray(),
                r.Status == TransactionStatus.Executed ? Executed : Failed, r.ReasonCode, r.Message, DbValues.Bits(r.Timestamp),
                (long)placements[i].IndexInBlock);
        }
        return rows;
    }

    public static async Task<Receipt?> GetAsync(LedgerDatabase database, Hash256 transactionHash, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT tx_hash, kind, sender, nonce, block_id, epoch, position, status, reason_code, message, timestamp FROM receipts WHERE tx_hash = @hash",
            Read, cancellationToken, ("hash", transactionHash.ToArray()));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Where an executed transaction sits: the block that carried it into its epoch; none for one never executed.</summary>
    public static Task<List<TransactionLocation>> LocationsAsync(LedgerDatabase database, Hash256 transactionHash, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT block_id, block_position, epoch FROM receipts WHERE tx_hash = @hash",
            r => new TransactionLocation(new Hash256(r.Bytes(0)), (int)r.GetInt64(1), (ulong)r.GetInt64(2)),
            cancellationToken, ("hash", transactionHash.ToArray()));

    /// <summary>The transaction and receipt hashes of an epoch's receipts, in execution order.</summary>
    public static Task<List<(Hash256 Transaction, Hash256 Receipt)>> HashesOfEpochAsync(LedgerDatabase database, ulong epoch, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT tx_hash, receipt_hash FROM receipts WHERE epoch = @epoch ORDER BY position",
            r => (new Hash256(r.Bytes(0)), new Hash256(r.Bytes(1))), cancellationToken, ("epoch", DbValues.Ordered(epoch, "epoch")));

    public static Task DeleteAfterAsync(LedgerTransaction transaction, ulong epoch, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM receipts WHERE epoch > @epoch", cancellationToken, ("epoch", DbValues.Ordered(epoch, "epoch")));

    private static Receipt Read(DbDataReader r) => new(
        new Hash256(r.Bytes(0)), r.GetString(1), new Address(r.Bytes(2)), DbValues.FromBits(r.GetInt64(3)), new Hash256(r.Bytes(4)),
        (ulong)r.GetInt64(5), (int)r.GetInt64(6),
        r.GetString(7) switch
        {
            Executed => TransactionStatus.Executed,
            Failed => TransactionStatus.Failed,
            var other => throw new InvalidDataException($"a stored receipt has status '{other}', neither '{Executed}' nor '{Failed}'"),
        },
        r.GetString(8), r.GetString(9), DbValues.FromBits(r.GetInt64(10)));
}
