namespace BriOrleans.Storage;

/// <summary>The ledger_meta table: named facts about the database itself.</summary>
internal static class MetaTable
{
    /// <summary>The chain the database belongs to: a node never mixes two networks' blocks in one database.</summary>
    public const string ChainId = "chain_id";

    /// <summary>The highest grain-state ETag ever committed; rollback leaves it, so ETags never repeat.</summary>
    public const string EtagHighWater = "etag_high_water";

    public static async Task<string?> GetAsync(LedgerTransaction transaction, string name, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync("SELECT value FROM ledger_meta WHERE name = @name", r => r.GetString(0), cancellationToken, ("name", name));
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task SetAsync(LedgerTransaction transaction, string name, string value, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(SqlDialect.Upsert("ledger_meta", ["name"], ["value"]), cancellationToken, ("name", name), ("value", value));
}
