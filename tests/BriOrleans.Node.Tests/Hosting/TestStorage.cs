using System.Runtime.CompilerServices;
using Npgsql;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>
/// The storage of one test node: SQLite under the node's data directory, or a fresh schema of the PostgreSQL server
/// named by BRI_TEST_POSTGRES (./test.sh starts one). Without that variable a PostgreSQL test fails: a silently
/// skipped provider would pass review untested.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string ServerVariable = "BRI_TEST_POSTGRES";

    private static int s_serial;
    private readonly string? _schema;

    private TestStorage(string kind, string option, string? schema)
    {
        Kind = kind;
        Option = option;
        _schema = schema;
    }

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/>.</summary>
    public string Kind { get; }

    /// <summary>The node's <c>--storage</c> value.</summary>
    public string Option { get; }

    public static async Task<TestStorage> CreateAsync(string kind, [CallerMemberName] string test = "")
    {
        if (kind == Sqlite)
            return new TestStorage(kind, "sqlite", null);
        if (kind != Postgres)
            throw new ArgumentException($"storage kind '{kind}' is neither {Sqlite} nor {Postgres}", nameof(kind));
        var server = ServerConnectionString();
        var schema = $"node_{Environment.ProcessId}_{Interlocked.Increment(ref s_serial)}_{new string([.. test.Where(char.IsAsciiLetterOrDigit).Take(30)])}"
            .ToLowerInvariant();
        await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
        return new TestStorage(kind, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString, schema);
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set, so the PostgreSQL node tests cannot run: run ./test.sh, which starts a throwaway " +
                $"PostgreSQL and sets {ServerVariable}, or set it to an Npgsql connection string yourself");

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
            await ExecuteAsync(ServerConnectionString(), $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
