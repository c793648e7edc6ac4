using System.Data.Common;

namespace BriOrleans.Storage;

/// <summary>
/// The node's database, opened from <c>--storage</c>: SQLite (<c>sqlite</c>, a file in the data directory) or
/// PostgreSQL (a <c>postgres://</c> URL or an Npgsql connection string), with the ledger schema created or
/// migrated. <see cref="LedgerStore.OpenAsync(LedgerDatabase, ulong, LedgerStoreOptions?, CancellationToken)"/> works on it.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private LedgerDatabase(SqlDialect dialect, int schemaVersion)
    {
        Dialect = dialect;
        SchemaVersion = schemaVersion;
    }

    /// <summary>"sqlite" or "postgres".</summary>
    public string Provider => Dialect.Name;

    /// <summary>Where the data lives (file path, or host:port/database); never includes a password.</summary>
    public string Location => Dialect.Location;

    public int SchemaVersion { get; }

    internal SqlDialect Dialect { get; }

    /// <summary>Opens the database that <paramref name="storage"/> names, creating or migrating its schema.</summary>
    public static async Task<LedgerDatabase> OpenAsync(string storage, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var dialect = StorageAddress.Resolve(storage, dataDirectory);
        try
        {
            var version = await LedgerSchema.MigrateAsync(dialect, cancellationToken);
            return new LedgerDatabase(dialect, version);
        }
        catch
        {
            await dialect.DisposeAsync();
            throw;
        }
    }

    internal Task<LedgerTransaction> BeginAsync(CancellationToken cancellationToken) => LedgerTransaction.BeginAsync(Dialect, cancellationToken);

    internal async Task<List<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Dialect.OpenConnectionAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, read, cancellationToken, parameters);
    }

    public ValueTask DisposeAsync() => Dialect.DisposeAsync();
}
