using System.Runtime.CompilerServices;
using Npgsql;

namespace BriOrleans.Storage.Tests;

/// <summary>
/// A database of its own for one test, so tests run in parallel: SQLite in a fresh temporary directory, or a fresh
/// schema of the PostgreSQL server named by BRI_TEST_POSTGRES (which ./test.sh starts). Without that variable a
/// PostgreSQL test fails: a silently skipped provider would pass review untested.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string ServerVariable = "BRI_TEST_POSTGRES";
    public const ulong ChainId = 7031;

    private static int _serial;
    private readonly string? _schema;

    private TestDatabase(string provider, string storage, string dataDirectory, string? schema)
    {
        Provider = provider;
        Storage = storage;
        DataDirectory = dataDirectory;
        _schema = schema;
    }

    public string Provider { get; }

    /// <summary>The --storage value that opens this database.</summary>
    public string Storage { get; }

    public string DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, [CallerMemberName] string test = "")
    {
        if (provider == Sqlite)
            return new TestDatabase(provider, "sqlite", Directory.CreateTempSubdirectory("bri-storage-").FullName, null);
        var server = ServerConnectionString();
        var schema = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _serial)}_{new string(test.Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var storage = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        return new TestDatabase(provider, storage, Directory.CreateTempSubdirectory("bri-storage-").FullName, schema);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set, so the PostgreSQL tests cannot run: run ./test.sh, which starts a throwaway PostgreSQL " +
                $"and sets {ServerVariable}, or set it to an Npgsql connection string yourself");

    public Task<LedgerStore> OpenStoreAsync(LedgerStoreOptions? options = null, ulong chainId = ChainId) =>
        LedgerStore.OpenAsync(Storage, DataDirectory, chainId, options);

    public Task<LedgerDatabase> OpenDatabaseAsync() => LedgerDatabase.OpenAsync(Storage, DataDirectory);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
        Directory.Delete(DataDirectory, recursive: true);
    }
}
