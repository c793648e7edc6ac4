namespace BriOrleans.Storage.Tests;

/// <summary>
/// SQLite's log is copied into the database file by the background checkpointer, not by the committing connection,
/// and what was committed survives closing and reopening the file.
/// </summary>
public class SqliteCheckpointTests
{
    private const int Rows = 64;
    private static readonly string s_value = new('x', 32 * 1024);

    [Fact]
    public async Task A_commit_reaches_the_database_file_through_the_background_checkpoint()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var file = Path.Combine(test.DataDirectory, StorageAddress.SqliteFileName);
        await using (var database = await test.OpenDatabaseAsync())
        {
            var dialect = (SqliteDialect)database.Dialect;
            var before = new FileInfo(file).Length;
            await WriteRowsAsync(database);

            // The commit returned with its 2 MiB in the log only: the committing connection copies nothing.
            Assert.True(new FileInfo(file).Length < before + Rows * s_value.Length / 2,
                $"the file grew from {before} to {new FileInfo(file).Length} bytes during the commit");
            await WaitUntilAsync(() => dialect.BackgroundCheckpoints > 0 && new FileInfo(file).Length >= before + Rows * s_value.Length);
        }

        await using var reopened = await test.OpenDatabaseAsync();
        var values = await reopened.QueryAsync("SELECT value FROM ledger_meta WHERE name LIKE 'row %'", r => r.GetString(0), CancellationToken.None);
        Assert.Equal(Rows, values.Count);
        Assert.All(values, v => Assert.Equal(s_value, v));
    }

    private static async Task WriteRowsAsync(LedgerDatabase database)
    {
        await using var transaction = await database.BeginAsync(CancellationToken.None);
        for (var i = 0; i < Rows; i++)
            await transaction.ExecuteAsync("INSERT INTO ledger_meta (name, value) VALUES (@name, @value)", CancellationToken.None,
                ("name", $"row {i}"), ("value", s_value));
        await transaction.CommitAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > limit)
                throw new TimeoutException("the background checkpoint did not copy the log into the file within 10 s");
            await Task.Delay(20);
        }
    }
}
