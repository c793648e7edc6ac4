using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace BriOrleans.Storage;

/// <summary>
/// The production provider: PostgreSQL through a pooled Npgsql data source. Many rows go in with binary COPY,
/// one round trip for thousands of rows, inside the epoch's transaction. Durability is the server's
/// (synchronous_commit, fsync): a commit that returned is on the server's disk when the server is set up so.
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    public override string Name => "postgres";

    public override string Location
    {
        get
        {
            var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"{settings.Host}:{settings.Port}/{settings.Database}" +
                   (string.IsNullOrEmpty(settings.SearchPath) ? "" : $" (schema {settings.SearchPath})");
        }
    }

    public override string BlobType => "BYTEA";

    public override string AutoNumberedKey => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override string ClusteredTableSuffix => "";

    // CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin: the first migrator takes the table lock.
    public override string? SchemaLockStatement => "LOCK TABLE schema_version IN ACCESS EXCLUSIVE MODE";

    public override bool HasLateralJoins => true;

    // Each statement is a round trip to the server: as many rows in one as the parameter limit comfortably allows.
    public override int RowsPerStatement => MostRowsPerStatement;

    // A statement carries many rows, and a transaction around them would only add its round trips.
    public override DbTransaction? BeginReads(DbConnection connection) => null;

    public override DbConnection OpenConnection() => dataSource.OpenConnection();

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, RowSet rows, CancellationToken cancellationToken)
    {
        if (rows.Rows.Count == 0)
            return;
        var types = rows.Columns.Select(c => c.Type switch
        {
            ColumnType.Integer => NpgsqlDbType.Bigint,
            ColumnType.Text => NpgsqlDbType.Text,
            _ => NpgsqlDbType.Bytea,
        }).ToArray();
        // COPY joins the transaction open on the connection; Npgsql takes no transaction argument for it.
        var copy = $"COPY {rows.Table} ({string.Join(", ", rows.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows.Rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                if (row[i] is null)
                    await importer.WriteNullAsync(cancellationToken);
                else
                    await importer.WriteAsync(row[i], types[i], cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
