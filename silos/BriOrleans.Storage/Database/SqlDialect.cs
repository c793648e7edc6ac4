using System.Data.Common;

namespace BriOrleans.Storage;

/// <summary>
/// Where SQLite and PostgreSQL differ for the ledger: column types, the auto-numbered key, table options, how a
/// connection is set up, how the schema is locked while it migrates, and the fastest way to write many rows.
/// Everything else is one SQL text for both.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Name { get; }

    /// <summary>Where the data lives, for messages: a file path, or host, port and database (never a password).</summary>
    public abstract string Location { get; }

    public abstract string BlobType { get; }

    public static string IntegerType => "BIGINT";

    /// <summary>A column definition for a key numbered by the database in insertion order.</summary>
    public abstract string AutoNumberedKey { get; }

    /// <summary>What follows a table definition whose primary key is the whole lookup path.</summary>
    public abstract string ClusteredTableSuffix { get; }

    /// <summary>A statement run first in the migration transaction so that two processes never migrate at once, or null.</summary>
    public abstract string? SchemaLockStatement { get; }

    /// <summary>
    /// An insert that replaces the value columns of an existing row with the same key. SQLite (3.24 and later) and
    /// PostgreSQL read the same ON CONFLICT form; parameters are named after their columns.
    /// </summary>
    public static string Upsert(string table, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        var all = keys.Concat(values).ToList();
        return $"INSERT INTO {table} ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => "@" + c))}) " +
               $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", values.Select(c => $"{c} = excluded.{c}"))}";
    }

    /// <summary>
    /// Whether a FROM may join a LATERAL subquery. A per-key LATERAL probe seeks the index whatever the planner's
    /// statistics say; PostgreSQL otherwise plans an IN list by its statistics, which lag behind a fast-growing table.
    /// SQLite has no LATERAL, and without gathered statistics it seeks the index for an IN list anyway.
    /// </summary>
    public abstract bool HasLateralJoins { get; }

    /// <summary>Most rows one statement of a chunked write or lookup carries: well under both providers' parameter limits.</summary>
    public const int MostRowsPerStatement = 256;

    /// <summary>
    /// How many rows a chunked write or lookup (<see cref="Statements.ForEachChunkAsync"/>) puts in one statement:
    /// many where each statement is a round trip to a server, few where statements run in process.
    /// </summary>
    public abstract int RowsPerStatement { get; }

    /// <summary>
    /// A transaction for many reads in a row on <paramref name="connection"/>, or null where each read may stand
    /// alone. Disposing it ends the reads; it writes nothing.
    /// </summary>
    public abstract DbTransaction? BeginReads(DbConnection connection);

    public abstract DbConnection OpenConnection();

    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Writes every row of <paramref name="rows"/> inside <paramref name="transaction"/>; a constraint violation fails the whole call.</summary>
    public abstract Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, RowSet rows, CancellationToken cancellationToken);

    /// <summary>Told after each committed write transaction (SQLite copies its log into the file in the background).</summary>
    public virtual void Committed()
    {
    }

    public abstract ValueTask DisposeAsync();
}
