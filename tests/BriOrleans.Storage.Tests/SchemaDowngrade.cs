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

    /// <summary>Back to version 3: on SQLite the grain states clustered by key again (WITHOUT ROWID), as version 1 created them.</summary>
    public static async Task ToVersion3Async(DbConnection connection, LedgerDatabase database)
    {
        var clustered = LedgerSchema.Migration(1, database.Dialect).Single(s => s.Contains("CREATE TABLE grain_states", StringComparison.Ordinal));
        if (database.Dialect.ClusteredTableSuffix.Length > 0)
        {
            await connection.ExecuteAsync(null, "ALTER TABLE grain_states RENAME TO grain_states_v4", CancellationToken.None);
            await connection.ExecuteAsync(null, "DROP INDEX grain_states_by_epoch", CancellationToken.None);
            await connection.ExecuteAsync(null, clustered, CancellationToken.None);
            await connection.ExecuteAsync(null, "INSERT INTO grain_states SELECT * FROM grain_states_v4", CancellationToken.None);
            await connection.ExecuteAsync(null, "DROP TABLE grain_states_v4", CancellationToken.None);
            await connection.ExecuteAsync(null, "CREATE INDEX grain_states_by_epoch ON grain_states (epoch)", CancellationToken.None);
        }
        await connection.ExecuteAsync(null, "UPDATE schema_version SET version = 3", CancellationToken.None);
    }
}
