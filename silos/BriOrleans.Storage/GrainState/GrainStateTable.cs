using System.Globalization;

namespace BriOrleans.Storage;

/// <summary>A grain-state record's identity: its grain and the name of the state within it.</summary>
internal readonly record struct GrainStateRecordKey(GrainId GrainId, string StateName);

/// <summary>A committed grain-state record: its payload and ETag, both null when there is no record (never written, or cleared).</summary>
internal sealed record CommittedGrainState(byte[]? Payload, string? ETag)
{
    public static readonly CommittedGrainState None = new(null, null);
}

/// <summary>The grain_states table: one row per record per epoch that changed it, the latest row being the record now.</summary>
internal static class GrainStateTable
{
    public static async Task<CommittedGrainState> LoadLatestAsync(LedgerDatabase database, GrainStateRecordKey key, CancellationToken cancellationToken) =>
        (await LoadLatestAsync(database, key.GrainId.Type, key.StateName, [key.GrainId.Key], cancellationToken))
            .GetValueOrDefault(key.GrainId.Key) ?? CommittedGrainState.None;

    /// <summary>
    /// The latest records of many grains of one type in one query: for each key of <paramref name="keys"/> that has
    /// a record named <paramref name="stateName"/>, its latest row (a cleared record reads as <see cref="CommittedGrainState.None"/>).
    /// </summary>
    public static async Task<Dictionary<string, CommittedGrainState>> LoadLatestAsync(
        LedgerDatabase database, string grainType, string stateName, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CommittedGrainState>(StringComparer.Ordinal);
        await using var connection = await database.Dialect.OpenConnectionAsync(cancellationToken);
        await using var reads = database.Dialect.BeginReads(connection);
        await connection.ForEachChunkAsync(reads, count => LatestSql(database.Dialect, count), [("type", grainType), ("name", stateName)], ["k"],
            [.. keys.Select(k => new object[] { k })], database.Dialect.RowsPerStatement, async command =>
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    found.Add(reader.GetString(0),
                        reader.IsDBNull(2) ? CommittedGrainState.None : new CommittedGrainState(reader.Bytes(2), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture)));
            });
        return found;
    }

    // The latest row of each key: a seek per key down the primary key (type, key, name, epoch), newest epoch first.
    private static string LatestSql(SqlDialect dialect, int keyCount) =>
        dialect.HasLateralJoins
            ? $"""
               SELECT w.grain_key, g.etag, g.payload FROM (VALUES {Statements.ValueRows(keyCount, "k")}) AS w(grain_key)
               CROSS JOIN LATERAL (SELECT etag, payload FROM grain_states
                                   WHERE grain_type = @type AND grain_key = w.grain_key AND state_name = @name
                                   ORDER BY epoch DESC LIMIT 1) g
               """
            : $"""
               SELECT grain_key, etag, payload FROM grain_states g
               WHERE grain_type = @type AND state_name = @name AND grain_key IN ({Statements.ValueList(keyCount, "k")})
                 AND epoch = (SELECT MAX(epoch) FROM grain_states m
                              WHERE m.grain_type = g.grain_type AND m.grain_key = g.grain_key AND m.state_name = g.state_name)
               """;

    public static RowSet Rows(ulong epoch, IEnumerable<GrainStateWrite> writes)
    {
        var rows = new RowSet("grain_states",
            new("grain_type", ColumnType.Text), new("grain_key", ColumnType.Text), new("state_name", ColumnType.Text),
            new("epoch", ColumnType.Integer), new("etag", ColumnType.Integer), new("payload", ColumnType.Blob));
        var number = DbValues.Ordered(epoch, "epoch");
        foreach (var write in writes)
            rows.Add(write.GrainId.Type, write.GrainId.Key, write.StateName, number, write.ETag, write.Payload);
        return rows;
    }

    /// <summary>Deletes the rows no rollback to <paramref name="epoch"/> or later can need: those a later row at or before it supersedes.</summary>
    public static Task DeleteSupersededAsync(LedgerTransaction transaction, ulong epoch, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            """
            DELETE FROM grain_states WHERE epoch < @epoch AND EXISTS (
              SELECT 1 FROM grain_states later
              WHERE later.grain_type = grain_states.grain_type AND later.grain_key = grain_states.grain_key
                AND later.state_name = grain_states.state_name AND later.epoch > grain_states.epoch AND later.epoch <= @epoch)
            """,
            cancellationToken, ("epoch", DbValues.Ordered(epoch, "epoch")));

    public static Task DeleteAfterAsync(LedgerTransaction transaction, ulong epoch, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("DELETE FROM grain_states WHERE epoch > @epoch", cancellationToken, ("epoch", DbValues.Ordered(epoch, "epoch")));
}
