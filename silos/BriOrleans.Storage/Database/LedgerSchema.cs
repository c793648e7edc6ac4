namespace BriOrleans.Storage;

/// <summary>
/// The ledger's tables, one schema for both providers (types from the <see cref="SqlDialect"/>), created and
/// migrated at open. <c>schema_version</c> holds the version applied; each later version is a list of statements
/// appended here and applied in one transaction, so a database is always at exactly one version.
/// </summary>
internal static class LedgerSchema
{
    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 4;

    public static IReadOnlyList<string> Migration(int version, SqlDialect d) => version switch
    {
        1 => Version1(d),
        2 => Version2(d),
        3 => Version3(),
        4 => Version4(d),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"no migration to schema version {version}"),
    };

    private static string[] Version1(SqlDialect d)
    {
        var blob = d.BlobType;
        var integer = SqlDialect.IntegerType;
        return
        [
            // Facts about the database itself: the chain it belongs to, the highest grain-state ETag ever issued.
            "CREATE TABLE ledger_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            $"""
             CREATE TABLE blocks (
               id {blob} PRIMARY KEY, arrival {integer} NOT NULL UNIQUE, height {integer} NOT NULL, author {blob} NOT NULL,
               timestamp {integer} NOT NULL, tx_count {integer} NOT NULL, encoded {blob} NOT NULL)
             """,
            $"""
             CREATE TABLE epochs (
               number {integer} PRIMARY KEY, pivot {blob} NOT NULL, blocks {blob} NOT NULL, skipped_blocks {blob} NOT NULL,
               state_root {blob} NOT NULL, receipts_root {blob} NOT NULL, timestamp {integer} NOT NULL,
               executed {integer} NOT NULL, failed {integer} NOT NULL)
             """,
            $"""
             CREATE TABLE receipts (
               tx_hash {blob} PRIMARY KEY, epoch {integer} NOT NULL, position {integer} NOT NULL, receipt_hash {blob} NOT NULL,
               kind TEXT NOT NULL, sender {blob} NOT NULL, nonce {integer} NOT NULL, block_id {blob} NOT NULL,
               status TEXT NOT NULL, reason_code TEXT NOT NULL, message TEXT NOT NULL, timestamp {integer} NOT NULL)
             """,
            "CREATE UNIQUE INDEX receipts_by_epoch ON receipts (epoch, position)",
            $"""
             CREATE TABLE transaction_blocks (
               tx_hash {blob} NOT NULL, block_id {blob} NOT NULL, epoch {integer} NOT NULL, block_position {integer} NOT NULL,
               PRIMARY KEY (tx_hash, block_id)){d.ClusteredTableSuffix}
             """,
            "CREATE INDEX transaction_blocks_by_epoch ON transaction_blocks (epoch)",
            // One row per record per epoch that changed it; a null payload is a tombstone (the record was cleared).
            // The key order makes "the latest row of a record as of an epoch" a single index seek.
            $"""
             CREATE TABLE grain_states (
               grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL, epoch {integer} NOT NULL,
               etag {integer} NOT NULL, payload {blob},
               PRIMARY KEY (grain_type, grain_key, state_name, epoch)){d.ClusteredTableSuffix}
             """,
            "CREATE INDEX grain_states_by_epoch ON grain_states (epoch)",
            $"""
             CREATE TABLE state_roots (
               version {integer} PRIMARY KEY, node_hash {blob}, node_version {integer}, node_is_leaf {integer})
             """,
            $"""
             CREATE TABLE state_nodes (
               version {integer} NOT NULL, depth {integer} NOT NULL, prefix {blob} NOT NULL, node {blob} NOT NULL,
               PRIMARY KEY (version, depth, prefix)){d.ClusteredTableSuffix}
             """,
            $"""
             CREATE TABLE state_stale_nodes (
               stale_since {integer} NOT NULL, version {integer} NOT NULL, depth {integer} NOT NULL, prefix {blob} NOT NULL,
               PRIMARY KEY (stale_since, version, depth, prefix)){d.ClusteredTableSuffix}
             """,
            $"CREATE TABLE pending_transactions (seq {d.AutoNumberedKey}, tx_hash {blob} NOT NULL UNIQUE, encoded {blob} NOT NULL)",
        ];
    }

    // The nodes each tree version made stale, one row per version with the keys packed (StaleNodeList), instead of
    // one row per node: a version's stale keys are only ever written, pruned or rolled back together. Rows that
    // version 1 wrote to state_stale_nodes stay there and are pruned from there.
    private static string[] Version2(SqlDialect d) =>
    [
        $"CREATE TABLE state_stale_versions (stale_since {SqlDialect.IntegerType} PRIMARY KEY, nodes {d.BlobType} NOT NULL)",
    ];

    // Where a transaction sits in its block moves into its receipt, and transaction_blocks goes: it held one row
    // per receipt, keyed by transaction hash, so every epoch also inserted into a second structure in hash order,
    // which touches about one page per transaction once the ledger is large (on SQLite, by its page count, about
    // a third of an epoch's log). Each receipt had its row there, written in the same transaction.
    private static string[] Version3() =>
    [
        $"ALTER TABLE receipts ADD COLUMN block_position {SqlDialect.IntegerType}",
        "UPDATE receipts SET block_position = (SELECT t.block_position FROM transaction_blocks t " +
        "WHERE t.tx_hash = receipts.tx_hash AND t.block_id = receipts.block_id)",
        "DROP TABLE transaction_blocks",
    ];

    // SQLite keeps grain states in a row-id table, in the order they were written, under an index of their key,
    // instead of clustered by key (WITHOUT ROWID): a grain's key is a hash for most grains (documents), so every
    // new grain's row of several hundred bytes landed on a page of its own, about nine rows to a page, and each
    // epoch wrote those pages to the log. The key index holds about forty entries to a page, and the rows append.
    // Interleaved on 2 cores, bri bench: 200,000 transactions in one run rose from 0.268–0.289 to 0.287–0.327 of a
    // core's recovery rate (four pairs), fifth runs in a row from 0.288–0.290 to 0.321–0.349 (two pairs).
    // PostgreSQL's tables are heaps already: nothing changes there.
    private static string[] Version4(SqlDialect d) => d.ClusteredTableSuffix.Length == 0
        ? []
        :
        [
            $"""
             CREATE TABLE grain_states_by_row (
               grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL, epoch {SqlDialect.IntegerType} NOT NULL,
               etag {SqlDialect.IntegerType} NOT NULL, payload {d.BlobType},
               PRIMARY KEY (grain_type, grain_key, state_name, epoch))
             """,
            "INSERT INTO grain_states_by_row (grain_type, grain_key, state_name, epoch, etag, payload) " +
            "SELECT grain_type, grain_key, state_name, epoch, etag, payload FROM grain_states ORDER BY epoch",
            "DROP TABLE grain_states",
            "ALTER TABLE grain_states_by_row RENAME TO grain_states",
            "CREATE INDEX grain_states_by_epoch ON grain_states (epoch)",
        ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses one written by a newer build.</summary>
    public static async Task<int> MigrateAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using (var setup = await dialect.OpenConnectionAsync(cancellationToken))
            await setup.ExecuteAsync(null, $"CREATE TABLE IF NOT EXISTS schema_version (version {SqlDialect.IntegerType} NOT NULL)", cancellationToken);

        await using var transaction = await LedgerTransaction.BeginAsync(dialect, cancellationToken);
        if (dialect.SchemaLockStatement is { } schemaLock)
            await transaction.ExecuteAsync(schemaLock, cancellationToken);
        var applied = (await transaction.QueryAsync("SELECT version FROM schema_version", r => (int)r.GetInt64(0), cancellationToken)).ToList();
        var version = applied.Count == 0 ? 0 : applied.Max();
        if (version > CurrentVersion)
            throw new InvalidOperationException(
                $"the {dialect.Name} database at {dialect.Location} has schema version {version}, newer than the version {CurrentVersion} this node knows: run a newer node");
        if (version == CurrentVersion)
            return version;
        for (var next = version + 1; next <= CurrentVersion; next++)
            foreach (var statement in Migration(next, dialect))
                await transaction.ExecuteAsync(statement, cancellationToken);
        await transaction.ExecuteAsync("DELETE FROM schema_version", cancellationToken);
        await transaction.ExecuteAsync("INSERT INTO schema_version (version) VALUES (@version)", cancellationToken, ("version", (long)CurrentVersion));
        await transaction.CommitAsync();
        return CurrentVersion;
    }
}
