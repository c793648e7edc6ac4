using System.Data.Common;
using System.Globalization;

namespace BriOrleans.Storage;

/// <summary>Parameterized statements on an open connection: the few shapes the ledger needs, for both providers.</summary>
internal static class Statements
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>
    /// Runs a statement over <paramref name="rows"/> in chunks of up to <paramref name="rowsPerStatement"/>:
    /// <paramref name="sqlFor"/> gives the text for a number of rows, with the parameters <c>@name0</c>, <c>@name1</c>,
    /// … of each of <paramref name="names"/> after the <paramref name="shared"/> ones. One command is prepared per
    /// chunk size and each chunk's values are bound to it in turn, so a provider that keeps the command's compiled
    /// statement (Microsoft.Data.Sqlite does) compiles it once. <paramref name="run"/> executes each bound command.
    /// </summary>
    public static async Task ForEachChunkAsync(
        this DbConnection connection, DbTransaction? transaction, Func<int, string> sqlFor, (string Name, object Value)[] shared, string[] names,
        IReadOnlyList<object[]> rows, int rowsPerStatement, Func<DbCommand, Task> run)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerStatement, 1);
        DbCommand? command = null;
        var commandRows = 0;
        try
        {
            for (var first = 0; first < rows.Count; first += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, rows.Count - first);
                if (command is null || commandRows != count)
                {
                    if (command is not null)
                        await command.DisposeAsync();
                    var parameters = new (string Name, object Value)[shared.Length + count * names.Length];
                    shared.CopyTo(parameters, 0);
                    for (var r = 0; r < count; r++)
                        for (var c = 0; c < names.Length; c++)
                            parameters[shared.Length + r * names.Length + c] = (ParameterName(names[c], r), rows[first + r][c]);
                    command = Command(connection, transaction, sqlFor(count), parameters);
                    commandRows = count;
                }
                else
                {
                    var p = shared.Length;
                    for (var r = 0; r < count; r++)
                        for (var c = 0; c < names.Length; c++)
                            command.Parameters[p++].Value = rows[first + r][c];
                }
                await run(command);
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync();
        }
    }

    /// <summary><c>(@a0, @b0), (@a1, @b1), …</c> for <paramref name="count"/> rows: the VALUES of a multi-row insert.</summary>
    public static string ValueRows(int count, params string[] names) =>
        string.Join(", ", Enumerable.Range(0, count).Select(r => "(" + string.Join(", ", names.Select(n => "@" + ParameterName(n, r))) + ")"));

    /// <summary><c>@a0, @a1, …</c> for <paramref name="count"/> rows: the list of an IN.</summary>
    public static string ValueList(int count, string name) => string.Join(", ", Enumerable.Range(0, count).Select(r => "@" + ParameterName(name, r)));

    // The parameter of column name in row r of a chunk: what ValueRows and ValueList write and ForEachChunkAsync binds.
    private static string ParameterName(string name, int row) => name + row.ToString(CultureInfo.InvariantCulture);

    public static async Task<int> ExecuteAsync(
        this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    public static List<T> Query<T>(
        this DbConnection connection, string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    public static byte[] Bytes(this DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    public static byte[]? BytesOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
}
