namespace BriOrleans.Storage;

/// <summary>The storage type of a column: 64-bit integer, UTF-8 text or bytes.</summary>
internal enum ColumnType
{
    Integer,
    Text,
    Blob,
}

/// <summary>A column of a <see cref="RowSet"/>.</summary>
internal readonly record struct Column(string Name, ColumnType Type);

/// <summary>
/// Rows bound for one table, written in one go by <see cref="SqlDialect.InsertRowsAsync"/>: each dialect picks its
/// fastest form (a prepared statement per row in process for SQLite, binary COPY for PostgreSQL). Values are
/// <see cref="long"/>, <see cref="string"/>, <see cref="byte"/> arrays or null.
/// </summary>
internal sealed class RowSet(string table, params Column[] columns)
{
    private readonly List<object?[]> _rows = [];

    public string Table { get; } = table;

    public IReadOnlyList<Column> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows => _rows;

    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
            throw new ArgumentException($"a row of {Table} has {Columns.Count} values, got {values.Length}", nameof(values));
        _rows.Add(values);
    }
}
