using System.Runtime.CompilerServices;
using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>The blocks table: each block's canonical encoding, with the columns an operator queries by.</summary>
internal static class BlockTable
{
    /// <summary>Inserts the block unless its id is stored; returns whether it was new.</summary>
    public static async Task<bool> InsertAsync(LedgerTransaction transaction, Block block, long arrivalIndex, CancellationToken cancellationToken)
    {
        var inserted = await transaction.ExecuteAsync(
            "INSERT INTO blocks (id, arrival, height, author, timestamp, tx_count, encoded) " +
            "VALUES (@id, @arrival, @height, @author, @timestamp, @txCount, @encoded) ON CONFLICT DO NOTHING",
            cancellationToken,
            ("id", block.Id.ToArray()), ("arrival", arrivalIndex), ("height", DbValues.Ordered(block.Header.Height, "height")),
            ("author", block.Header.Author.ToArray()), ("timestamp", DbValues.Bits(block.Header.Timestamp)),
            ("txCount", (long)block.Transactions.Count), ("encoded", block.Encode()));
        if (inserted == 1)
            return true;
        var holder = await transaction.QueryAsync("SELECT id FROM blocks WHERE id = @id OR arrival = @arrival",
            r => new Hash256(r.Bytes(0)), cancellationToken, ("id", block.Id.ToArray()), ("arrival", arrivalIndex));
        if (holder.Contains(block.Id))
            return false;
        throw new InvalidOperationException($"arrival index {arrivalIndex} already holds block {holder[0]}; block {block.Id} was not stored");
    }

    public static async Task<Block?> GetAsync(LedgerDatabase database, Hash256 id, ulong chainId, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync("SELECT encoded FROM blocks WHERE id = @id", r => r.Bytes(0), cancellationToken, ("id", id.ToArray()));
        return rows.Count == 0 ? null : Block.Decode(rows[0], chainId);
    }

    /// <summary>Every block in arrival order, read as the caller consumes them so that a long ledger is never all in memory.</summary>
    public static async IAsyncEnumerable<StoredBlock> StreamAsync(
        LedgerDatabase database, ulong chainId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.Dialect.OpenConnectionAsync(cancellationToken);
        await using var command = Statements.Command(connection, null, "SELECT encoded, arrival FROM blocks ORDER BY arrival", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new StoredBlock(Block.Decode(reader.Bytes(0), chainId), reader.GetInt64(1));
    }
}
