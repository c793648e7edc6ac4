using Npgsql;

namespace BriOrleans.Storage;

/// <summary>
/// What <c>--storage</c> may say: <c>sqlite</c> (the file ledger.db in the node's data directory), a
/// <c>postgres://</c> URL, or an Npgsql connection string (<c>Host=…;Database=…</c>).
/// </summary>
internal static class StorageAddress
{
    public const string SqliteFileName = "ledger.db";

    public static SqlDialect Resolve(string storage, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storage);
        if (string.Equals(storage, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
            Directory.CreateDirectory(dataDirectory);
            return SqliteDialect.Open(Path.Combine(Path.GetFullPath(dataDirectory), SqliteFileName));
        }
        var connectionString = PostgresUrl.IsUrl(storage) ? PostgresUrl.ToConnectionString(storage) : NpgsqlConnectionString(storage);
        return new PostgresDialect(NpgsqlDataSource.Create(connectionString));
    }

    private static string NpgsqlConnectionString(string storage)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = storage.Contains('=', StringComparison.Ordinal) ? new NpgsqlConnectionStringBuilder(storage) : new();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the storage connection string is malformed: {e.Message}", nameof(storage), e);
        }
        if (string.IsNullOrEmpty(settings.Host))
            throw new ArgumentException(
                "storage must be 'sqlite', a postgres://user@host:port/database URL or an Npgsql connection string with Host=… " +
                $"(got {Shown(storage)})", nameof(storage));
        return settings.ConnectionString;
    }

    // Whatever might carry a password is described, not echoed.
    private static string Shown(string storage) =>
        storage.IndexOfAny(['=', '@', ':']) < 0 ? $"'{storage}'" : "a value that is none of these";
}
