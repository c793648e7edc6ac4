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

    /// <summary>Runs one statement once per row of values (named by <paramref name="names"/>); returns the rows affected in all.</summary>
    public async Task<int> ExecuteEachAsync(string sql, string[] names, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var command = Statements.Command(_connection, _transaction, sql, names.Select(n => (n, (object)DBNull.Value)).ToArray());
        var affected = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < names.Length; i++)
                command.Parameters[i].Value = row[i];
            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return affected;
    }

    public Task InsertRowsAsync(RowSet rows, CancellationToken cancellationToken) =>
        _dialect.InsertRowsAsync(_connection, _transaction, rows, cancellationToken);

    /// <summary>Commits; not cancellable, so that a caller never wonders whether a cancelled commit happened.</summary>
    public Task CommitAsync() => _transaction.CommitAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
