using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BriOrleans.Storage;

/// <summary>
/// The embedded provider: one SQLite file. The file is put in WAL mode (readers never block the writer) and every
/// connection runs with synchronous=FULL, so a commit is on disk before it returns and survives kill -9 and
/// power loss; NORMAL would be faster but may lose the last commits on power loss, which the ledger must not.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // How often the log is copied into the file: often enough to keep the log to a few epochs' pages, seldom
    // enough that a page several epochs write is copied once.
    private static readonly TimeSpan s_checkpointInterval = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private WalCheckpointer? _checkpointer;

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
        dialect._checkpointer = new WalCheckpointer(dialect.Connect, s_checkpointInterval);
        return dialect;
    }

    /// <summary>Checkpoints the file has had in the background (for tests).</summary>
    internal int BackgroundCheckpoints => _checkpointer?.Checkpoints ?? 0;

    public override string Name => "sqlite";

    public override string Location { get; }

    public override string BlobType => "BLOB";

    // INTEGER PRIMARY KEY (exactly this spelling) is SQLite's row id, numbered in insertion order.
    public override string AutoNumberedKey => "INTEGER PRIMARY KEY";

    public override string ClusteredTableSuffix => " WITHOUT ROWID";

    // A SQLite write transaction (BEGIN IMMEDIATE) already excludes every other writer.
    public override string? SchemaLockStatement => null;

    public override bool HasLateralJoins => false;

    // In process a statement costs no round trip, and SQLite resolves a statement's named parameters by a linear
    // search, when it compiles the statement and again for each value bound: a statement of hundreds of rows cost
    // more in string comparisons than in its inserts. One row per statement, compiled once, binds a few names.
    public override int RowsPerStatement => 1;

    // Outside a transaction every statement is a read transaction of its own, with a lock on the WAL index taken and
    // released through fcntl each time; a deferred transaction takes it once, and no write lock, for all the reads.
    public override DbTransaction? BeginReads(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override DbConnection OpenConnection()
    {
        _checkpointer?.ThrowIfFailed();
        return Connect();
    }

    public override void Committed() => _checkpointer?.Committed();

    private SqliteConnection Connect()
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
        // No automatic checkpoint in the committing connection: the WalCheckpointer copies the log in the background.
        // When the log restarts, a writer truncates the file back to 64 MiB.
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864";
        command.ExecuteNonQuery();
    }

    public override Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, RowSet rows, CancellationToken cancellationToken)
    {
        if (rows.Rows.Count == 0)
            return Task.CompletedTask;
        // One statement prepared on the connection's own handle, bound by position and stepped per row: through
        // SqliteCommand every row re-resolved each parameter's name and allocated a binder per value, which cost
        // more than SQLite's insert itself. The statement runs inside the transaction open on the connection.
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var sql = $"INSERT INTO {rows.Table} ({string.Join(", ", rows.Columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", rows.Columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++)
                    Check(db, row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                        string text => raw.sqlite3_bind_text(statement, i + 1, text),
                        byte[] bytes => raw.sqlite3_bind_blob(statement, i + 1, bytes),
                        var other => throw new ArgumentException($"a value of {rows.Table}.{rows.Columns[i].Name} is a {other.GetType().Name}; rows hold long, string, byte[] or null"),
                    });
                var stepped = raw.sqlite3_step(statement);
                // Reset before reporting, so a failed row leaves the statement reusable and releases its locks.
                raw.sqlite3_reset(statement);
                if (stepped != raw.SQLITE_DONE)
                    Check(db, stepped);
            }
        }
        return Task.CompletedTask;
    }

    private static void Check(sqlite3 db, int resultCode)
    {
        if (resultCode is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            throw new SqliteException($"SQLite Error {resultCode}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", resultCode, raw.sqlite3_extended_errcode(db));
    }

    public override async ValueTask DisposeAsync()
    {
        if (_checkpointer is { } checkpointer)
            await checkpointer.DisposeAsync();
        // Pooled connections keep the file open; a closed store must let it be moved, deleted or reopened. Closing
        // the last connection also copies what is left of the log into the file.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
