using System.Data.Common;

namespace BriOrleans.Storage.Tests;

/// <summary>Rewrites a database of this build back to an older schema version, to test the upgrade from it.</summary>
internal static class SchemaDowngrade
{
    /// <summary>Back to version 2: the transactions' block positions in a table of their own, the receipts without them.</summary>
    public static async Task ToVersion2Async(DbConnection connection, LedgerDatabase database)
    {
        foreach (var statement in LedgerSchema.Migration(1, database.Dialect).Where(s => s.Contains("transaction_blocks", StringComparison.Ordinal)))
            await connection.ExecuteAsync(null, statement, CancellationToken.None);
        await connection.ExecuteAsync(null,
            "INSERT INTO transaction_blocks (tx_hash, block_id, epoch, block_position) SELECT tx_hash, block_id, epoch, block_position FROM receipts",
            CancellationToken.None);
        await connection.ExecuteAsync(null, "ALTER TABLE receipts DROP COLUMN block_position", CancellationToken.None);
        await connection.ExecuteAsync(null, "UPDATE schema_version SET version = 2", CancellationToken.None);
    }
}
