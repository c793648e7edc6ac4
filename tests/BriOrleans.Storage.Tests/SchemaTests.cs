using System.Data.Common;

namespace BriOrleans.Storage.Tests;

/// <summary>Opening a database creates the schema once, reopening keeps it, and a database the node cannot read is refused.</summary>
public class SchemaTests
{
    private static readonly string[] Tables =
    [
        "schema_version", "ledger_meta", "blocks", "epochs", "receipts", "grain_states",
        "state_roots", "state_nodes", "state_stale_nodes", "state_stale_versions", "pending_transactions",
    ];

    [Theory, Providers]
    public async Task A_new_database_gets_every_table_at_the_current_version_and_reopening_keeps_them(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var first = await test.OpenDatabaseAsync())
        {
            Assert.Equal(provider, first.Provider);
            Assert.Equal(LedgerSchema.CurrentVersion, first.SchemaVersion);
            await using var store = await LedgerStore.OpenAsync(first, TestDatabase.ChainId);
            await store.SaveBlockAsync(LedgerSamples.Chain(1)[0], 0);
        }
        await using var reopened = await test.OpenDatabaseAsync();
        Assert.Equal(LedgerSchema.CurrentVersion, reopened.SchemaVersion);
        foreach (var table in Tables)
            Assert.Single(await reopened.QueryAsync($"SELECT COUNT(*) FROM {table}", r => r.GetInt64(0), CancellationToken.None));
        Assert.Equal([1L], await reopened.QueryAsync("SELECT COUNT(*) FROM schema_version", r => r.GetInt64(0), CancellationToken.None));
        Assert.Equal([1L], await reopened.QueryAsync("SELECT COUNT(*) FROM blocks", r => r.GetInt64(0), CancellationToken.None));
    }

    [Theory, Providers]
    public async Task A_database_written_by_a_newer_schema_is_refused_with_both_versions_named(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var database = await test.OpenDatabaseAsync())
        await using (var connection = await database.Dialect.OpenConnectionAsync(CancellationToken.None))
            await connection.ExecuteAsync(null, "UPDATE schema_version SET version = 99", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(test.OpenDatabaseAsync);

        Assert.Contains("schema version 99", refused.Message);
        Assert.Contains($"version {LedgerSchema.CurrentVersion}", refused.Message);
    }

    [Theory, Providers]
    public async Task A_database_of_another_chain_is_refused(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await (await test.OpenStoreAsync()).DisposeAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => test.OpenStoreAsync(chainId: TestDatabase.ChainId + 1));

        Assert.Contains($"belongs to chain {TestDatabase.ChainId}, not {TestDatabase.ChainId + 1}", refused.Message);
    }

    [Theory, Providers]
    public async Task Transaction_locations_written_under_schema_version_2_move_into_the_receipts_on_upgrade(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        EpochCommit commit;
        await using (var store = await test.OpenStoreAsync())
        {
            var runner = new EpochRunner(store);
            await runner.ExecuteAsync(0, [new(EpochRunner.Grain(0), 1)], receipts: 0, failed: 0);
            commit = await runner.ExecuteAsync(1, [new(EpochRunner.Grain(0), 2)], receipts: 3, failed: 1);
        }
        await using (var database = await test.OpenDatabaseAsync())
        await using (var connection = await database.Dialect.OpenConnectionAsync(CancellationToken.None))
            await SchemaDowngrade.ToVersion2Async(connection, database);

        await using var upgraded = await test.OpenStoreAsync();

        Assert.Equal(LedgerSchema.CurrentVersion, (await test.OpenDatabaseAsync()).SchemaVersion);
        for (var i = 0; i < commit.Receipts.Count; i++)
            Assert.Equal([new TransactionLocation(commit.Transactions[i].BlockId, commit.Transactions[i].IndexInBlock, 1)],
                await upgraded.GetTransactionLocationsAsync(commit.Receipts[i].TransactionHash));
        await using var upgradedDatabase = await test.OpenDatabaseAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => upgradedDatabase.QueryAsync("SELECT COUNT(*) FROM transaction_blocks", r => r.GetInt64(0), CancellationToken.None));
    }

    [Theory, Providers]
    public async Task Grain_states_written_under_schema_version_3_are_kept_on_upgrade_and_sqlite_keeps_them_by_row(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var store = await test.OpenStoreAsync())
        {
            var runner = new EpochRunner(store);
            await runner.ExecuteAsync(0, [new(EpochRunner.Grain(0), 1), new(EpochRunner.Grain(1), 7)], receipts: 0, failed: 0);
            await runner.ExecuteAsync(1, [new(EpochRunner.Grain(0), 2), new(EpochRunner.Grain(2), 9)], receipts: 0, failed: 0);
        }
        const string Rows = "SELECT grain_key, epoch, etag FROM grain_states ORDER BY grain_key, epoch";
        List<string> before;
        await using (var database = await test.OpenDatabaseAsync())
        await using (var connection = await database.Dialect.OpenConnectionAsync(CancellationToken.None))
        {
            before = await database.QueryAsync(Rows, RowText, CancellationToken.None);
            await SchemaDowngrade.ToVersion3Async(connection, database);
        }

        await using var upgraded = await test.OpenStoreAsync();

        Assert.Equal(LedgerSchema.CurrentVersion, (await test.OpenDatabaseAsync()).SchemaVersion);
        Assert.Equal([2, 7, 9], await EpochRunner.ReadCountersAsync(upgraded.GrainStorage, 3));
        await using var upgradedDatabase = await test.OpenDatabaseAsync();
        Assert.Equal(4, before.Count);
        Assert.Equal(before, await upgradedDatabase.QueryAsync(Rows, RowText, CancellationToken.None));
        if (provider == TestDatabase.Sqlite)
        {
            var definition = await upgradedDatabase.QueryAsync("SELECT sql FROM sqlite_master WHERE name = 'grain_states'", r => r.GetString(0), CancellationToken.None);
            Assert.DoesNotContain("WITHOUT ROWID", Assert.Single(definition), StringComparison.Ordinal);
        }

        static string RowText(DbDataReader r) => $"{r.GetString(0)}@{r.GetInt64(1)}#{r.GetInt64(2)}";
    }

    [Fact]
    public async Task The_sqlite_file_lives_in_the_data_directory_in_WAL_mode_and_every_connection_syncs_fully()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var database = await test.OpenDatabaseAsync();
        await using var connection = await database.Dialect.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(test.DataDirectory, "ledger.db"), database.Location);
        Assert.True(File.Exists(database.Location));
        Assert.Equal(["wal"], await connection.QueryAsync(null, "PRAGMA journal_mode", r => r.GetString(0), CancellationToken.None));
        // 2 is FULL: the WAL is synced at every commit, so a commit that returned survives kill -9 and power loss.
        Assert.Equal([2L], await connection.QueryAsync(null, "PRAGMA synchronous", r => r.GetInt64(0), CancellationToken.None));
    }
}
