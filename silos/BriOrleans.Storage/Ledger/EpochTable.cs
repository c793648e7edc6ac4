using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>The epochs table: one row per executed epoch; block lists are stored as concatenated 32-byte ids.</summary>
internal static class EpochTable
{
    public static RowSet Rows(EpochRecord epoch)
    {
        var rows = new RowSet("epochs",
            new("number", ColumnType.Integer), new("pivot", ColumnType.Blob), new("blocks", ColumnType.Blob), new("skipped_blocks", ColumnType.Blob),
            new("state_root", ColumnType.Blob), new("receipts_root", ColumnType.Blob), new("timestamp", ColumnType.Integer),
            new("executed", ColumnType.Integer), new("failed", ColumnType.Integer));
        rows.Add(DbValues.Ordered(epoch.Number, "epoch"), epoch.Pivot.ToArray(), Concatenate(epoch.Blocks), Concatenate(epoch.SkippedBlocks),
            epoch.StateRoot.ToArray(), epoch.ReceiptsRoot.ToArray(), DbValues.Bits(epoch.Timestamp),
            (long)epoch.ExecutedTransactions, (long)epoch.FailedTransactions);
        return rows;
    }

    public static async Task<EpochRecord?> GetAsync(LedgerDatabase database, ulong number, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT number, pivot, blocks, skipped_blocks, state_root, receipts_root, timestamp, executed, failed FROM epochs WHERE number = @number",
            r => new EpochRecord(
                (ulong)r.GetInt64(0), new Hash256(r.Bytes(1)), Split(r.Bytes(2)), Split(r.Bytes(3)), new Hash256(r.Bytes(4)), new Hash256(r.Bytes(5)),
                DbValues.FromBits(r.GetInt64(6)), (int)r.GetInt64(7), (int)r.GetInt64(8)),
            cancellationToken, ("number", DbValues.Ordered(number, "epoch")));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>The executed epoch and the transactions executed and failed over all epochs, as the transaction sees them.</summary>
    public static async Task<(ulong? Executed, long ExecutedTransactions, long FailedTransactions)> TotalsAsync(
        LedgerTransaction transaction, CancellationToken cancellationToken) =>
        (await transaction.QueryAsync(
            "SELECT MAX(number), CAST(COALESCE(SUM(executed), 0) AS BIGINT), CAST(COALESCE(SUM(failed), 0) AS BIGINT) FROM epochs",
            r => (r.IsDBNull(0) ? (ulong?)null : (ulong)r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)),
            cancellationToken))[0];

    public static Task DeleteAfterAsync(LedgerTransaction transaction, ulong epoch, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM epochs WHERE number > @epoch", cancellationToken, ("epoch", DbValues.Ordered(epoch, "epoch")));

    private static byte[] Concatenate(IReadOnlyList<Hash256> hashes)
    {
        var bytes = new byte[hashes.Count * Hash256.Length];
        for (var i = 0; i < hashes.Count; i++)
            hashes[i].WriteTo(bytes.AsSpan(i * Hash256.Length));
        return bytes;
    }

    private static Hash256[] Split(byte[] bytes)
    {
        if (bytes.Length % Hash256.Length != 0)
            throw new InvalidDataException($"a stored block list of {bytes.Length} bytes is not a whole number of 32-byte ids");
        return Enumerable.Range(0, bytes.Length / Hash256.Length).Select(i => new Hash256(bytes.AsSpan(i * Hash256.Length, Hash256.Length))).ToArray();
    }
}
