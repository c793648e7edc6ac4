using Microsoft.Data.Sqlite;

namespace BriOrleans.Storage;

/// <summary>
/// Copies a SQLite file's write-ahead log into the file in the background, on a connection of its own, once per
/// <c>interval</c> when something was committed since the last copy. SQLite's own automatic checkpoint runs inside
/// the commit that crosses 1,000 log pages, so an epoch's write also paid for copying the previous epochs' pages
/// (reading them back from the log, writing them into the file, syncing it), and the next epoch waited for that.
/// A passive checkpoint blocks neither readers nor the writer; past <see cref="RestartPages"/> a restarting one
/// bounds the log. Durability does not depend on checkpoints: a commit is synced in the log before it returns,
/// and reopening after a crash replays the log. A checkpoint that fails (an I/O error) stops the checkpointer;
/// <see cref="ThrowIfFailed"/> then refuses every later connection, so the store stops rather than let the log
/// grow without bound.
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private readonly Func<SqliteConnection> _open;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _commits;
    private int _checkpoints;
    private int _disposed;
    private volatile Exception? _failure;

    public WalCheckpointer(Func<SqliteConnection> open, TimeSpan interval)
    {
        _open = open;
        _loop = Task.Run(() => RunAsync(interval, _stop.Token));
    }

    /// <summary>How many checkpoints have run, for tests.</summary>
    public int Checkpoints => Volatile.Read(ref _checkpoints);

    /// <summary>Notes a committed write; the next interval copies it into the file.</summary>
    public void Committed() => Interlocked.Increment(ref _commits);

    public void ThrowIfFailed()
    {
        if (_failure is { } failure)
            throw new InvalidOperationException("copying the SQLite log into the database file failed; the store stops", failure);
    }

    private async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (Interlocked.Exchange(ref _commits, 0) == 0)
                    continue;
                using var connection = _open();
                var logPages = Checkpoint(connection, "PASSIVE");
                // The log restarts from its beginning only when a writer finds it all copied and no reader in it,
                // which a busy node may seldom offer: past the limit, wait for the readers (briefly holding back the
                // writer) so that it restarts, instead of growing the file for as long as the load lasts.
                if (logPages > RestartPages)
                    Checkpoint(connection, "RESTART");
                Interlocked.Increment(ref _checkpoints);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: closing the last connection checkpoints the rest.
        }
        catch (Exception e)
        {
            // Kept, not swallowed: every later connection is refused with it (ThrowIfFailed).
            _failure = e;
        }
    }

    /// <summary>Log pages beyond which a checkpoint also makes the log restart (64 MiB of 4 KiB pages).</summary>
    public const int RestartPages = 16_384;

    /// <summary>Runs a checkpoint; returns the pages the log held.</summary>
    private static long Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        using var reader = command.ExecuteReader();
        // One row: busy (1 when readers or the writer kept it from finishing), pages in the log, pages copied.
        return reader.Read() ? reader.GetInt64(1) : 0;
    }

    // Idempotent: a store and its database may both dispose the dialect.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            await _stop.CancelAsync();
        await _loop;
    }
}
