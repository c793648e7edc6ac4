using BriOrleans.Crypto;

namespace BriOrleans.Storage;

/// <summary>The transaction_blocks table: for each transaction of an executed epoch, the blocks carrying it.</summary>
internal static class TransactionTable
{
    public static RowSet Rows(ulong epoch, IEnumerable<TransactionPlacement> placements)
    {
        var rows = new RowSet("transaction_blocks",
            new("tx_hash", ColumnType.Blob), new("block_id", ColumnType.Blob), new("epoch", ColumnType.Integer), new("block_position", ColumnType.Integer));
        var number = DbValues.Ordered(epoch, "epoch");
        foreach (var p in placements)
            rows.Add(p.TransactionHash.ToArray(), p.BlockId.ToArray(), number, (long)p.IndexInBlock);
        return rows;
    }

    public static Task<List<TransactionLocation>> LocationsAsync(LedgerDatabase database, Hash256 transactionHash, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT block_id, block_position, epoch FROM transaction_blocks WHERE tx_hash = @hash ORDER BY epoch, block_id",
            r => new TransactionLocation(new Hash256(r.Bytes(0)), (int)r.GetInt64(1), (ulong)r.GetInt64(2)),
            cancellationToken, ("hash", transactionHash.ToArray()));

    public static Task DeleteAfterAsync(LedgerTransaction transaction, ulong epoch, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM transaction_blocks WHERE epoch > @epoch", cancellationToken, ("epoch", DbValues.Ordered(epoch, "epoch")));
}
