using System.Data.Common;

namespace BriOrleans.Storage;

/// <summary>
/// One database transaction of the ledger on its own connection. Disposing it without <see cref="CommitAsync"/>
/// rolls everything back, which is how a failure anywhere in an epoch leaves none of it.
/// </summary>
internal sealed class LedgerTransaction : IAsyncDisposable
{
    private readonly SqlDialect _dialect;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private LedgerTransaction(SqlDialect dialect, DbConnection connection, DbTransaction transaction)
    {
        _dialect = dialect;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<LedgerTransaction> BeginAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenConnectionAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken now, never upgraded later.
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new LedgerTransaction(dialect, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        _connection.ExecuteAsync(_transaction, sql, cancellationToken, parameters);

    public Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        _connection.QueryAsync(_transaction, sql, read, cancellationToken, parameters);

    /// <summary>
    /// Runs <paramref name="rows"/> in as many statements as the database prefers (<see cref="SqlDialect.RowsPerStatement"/>):
    /// <paramref name="sqlFor"/> gives the text for a number of rows, with the parameters <c>@name0</c>, <c>@name1</c>,
    /// … of each of <paramref name="names"/> (see <see cref="Statements.ValueRows"/> and <see cref="Statements.ValueList"/>). Returns the rows
    /// affected in all.
    /// </summary>
    public async Task<int> ExecuteChunkedAsync(Func<int, string> sqlFor, string[] names, IReadOnlyList<object[]> rows, CancellationToken cancellationToken)
    {
        var affected = 0;
        await _connection.ForEachChunkAsync(_transaction, sqlFor, [], names, rows, _dialect.RowsPerStatement,
            async command => affected += await command.ExecuteNonQueryAsync(cancellationToken));
        return affected;
    }

    public Task InsertRowsAsync(RowSet rows, CancellationToken cancellationToken) =>
        _dialect.InsertRowsAsync(_connection, _transaction, rows, cancellationToken);

    /// <summary>Commits; not cancellable, so that a caller never wonders whether a cancelled commit happened.</summary>
    public async Task CommitAsync()
    {
        await _transaction.CommitAsync(CancellationToken.None);
        _dialect.Committed();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
