using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BriOrleans.Storage;

/// <summary>
/// The embedded provider: one SQLite file. The file is put in WAL mode (readers never block the writer) and every
/// connection runs with synchronous=FULL, so a commit is on disk before it returns and survives kill -9 and
/// power loss; NORMAL would be faster but may lose the last commits on power loss, which the ledger must not.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;

    private SqliteDialect(string path)
    {
        Location = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds a statement waits for a lock held by another connection before failing.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Opens (creating when absent) the file and puts it in WAL mode, which the file remembers.</summary>
    public static SqliteDialect Open(string path)
    {
        var dialect = new SqliteDialect(path);
        using var connection = dialect.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        var mode = (string?)command.ExecuteScalar();
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite could not put {path} in WAL mode (it reports '{mode}'); the file system may not support it");
        return dialect;
    }

    public override string Name => "sqlite";

    public override string Location { get; }

    public override string BlobType => "BLOB";

    // INTEGER PRIMARY KEY (exactly this spelling) is SQLite's row id, numbered in insertion order.
    public override string AutoNumberedKey => "INTEGER PRIMARY KEY";

    public override string ClusteredTableSuffix => " WITHOUT ROWID";

    // A SQLite write transaction (BEGIN IMMEDIATE) already excludes every other writer.
    public override string? SchemaLockStatement => null;

    public override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    public override Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite works synchronously underneath: its async methods would only add overhead.
        Task.FromResult(OpenConnection());

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // A 64 MiB page cache (the default is 2 MiB): epoch commits insert into indexes keyed by hashes, whose pages
        // are otherwise read back from the file for every commit once the ledger outgrows the cache.
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA cache_size=-65536";
        command.ExecuteNonQuery();
    }

    public override Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, RowSet rows, CancellationToken cancellationToken)
    {
        if (rows.Rows.Count == 0)
            return Task.CompletedTask;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {rows.Table} ({string.Join(", ", rows.Columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => "@p" + i))})";
        var parameters = rows.Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        // In process, a prepared statement per row is as fast as SQLite inserts get.
        foreach (var row in rows.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = row[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; a closed store must let it be moved, deleted or reopened.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
