using System.Diagnostics;
using BriOrleans.GrainHost;
using BriOrleans.Crypto;
using BriOrleans.Grains.State;
using BriOrleans.Ledger;
using BriOrleans.Runtime;
using BriOrleans.Storage;
using Npgsql;

namespace BriOrleans.Benchmarks;

/// <summary>
/// `storage`: epoch commits per second and rows per second of the ledger store for epochs of 1000 receipts and
/// 2000 grain-state writes (half new records, half updates), on SQLite (WAL, synchronous=FULL) and, when
/// BRI_TEST_POSTGRES names a server, PostgreSQL. The commit is timed alone; execution (staging the writes
/// through the grain storage and updating the state tree) is timed beside it.
/// </summary>
internal static class StorageBenchmark
{
    private const ulong ChainId = 7031;
    private const int Receipts = 1000;
    private const int Writes = 2000;
    private const int WarmUpEpochs = 3;
    private const int MeasuredEpochs = 30;

    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        Console.WriteLine($"ledger store: epochs of {Receipts} receipts + {Writes} grain-state writes, {MeasuredEpochs} epochs after {WarmUpEpochs} warm-up");
        Console.WriteLine($"{"provider",-9} {"commits/s",10} {"ms/commit",10} {"rows/epoch",11} {"rows/s",10} {"execute ms",11}");
        var directory = Directory.CreateTempSubdirectory("bri-bench-storage-");
        try
        {
            await MeasureAsync("sqlite", "sqlite", directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
        if (Environment.GetEnvironmentVariable("BRI_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            Console.WriteLine("postgres: skipped (set BRI_TEST_POSTGRES to an Npgsql connection string, as ./test.sh does)");
            return;
        }
        const string schema = "bench_storage";
        await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
        try
        {
            await MeasureAsync("postgres", new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString, Path.GetTempPath());
        }
        finally
        {
            await ExecuteAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static async Task MeasureAsync(string provider, string storage, string dataDirectory)
    {
        await using var store = await LedgerStore.OpenAsync(storage, dataDirectory, ChainId);
        var tree = new StateTree(store.StateNodes);
        var commitTime = TimeSpan.Zero;
        var executeTime = TimeSpan.Zero;
        long rows = 0;
        for (ulong epoch = 0; epoch < WarmUpEpochs + MeasuredEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var commit = await StageAsync(store, tree, epoch);
            var executed = clock.Elapsed;
            clock.Restart();
            await store.CommitEpochAsync(commit);
            if (epoch < WarmUpEpochs)
                continue;
            commitTime += clock.Elapsed;
            executeTime += executed;
            rows += RowsOf(commit);
        }
        Console.WriteLine(
            $"{provider,-9} {MeasuredEpochs / commitTime.TotalSeconds,10:N1} {commitTime.TotalMilliseconds / MeasuredEpochs,10:N1} " +
            $"{rows / MeasuredEpochs,11:N0} {rows / commitTime.TotalSeconds,10:N0} {executeTime.TotalMilliseconds / MeasuredEpochs,11:N1}");
    }

    // What the epoch writes: its row, receipts, placements, grain-state rows, the tree's root, nodes and stale records, the ETag mark.
    private static long RowsOf(EpochCommit commit) =>
        1 + commit.Receipts.Count + commit.Transactions.Count + commit.StateWrites.Count
        + 1 + commit.StateBatch.NewNodes.Count + commit.StateBatch.StaleNodes.Count + 1;

    // Epoch e creates the records of grains e*1000 .. e*1000+999 and updates those the epoch before created.
    private static async Task<EpochCommit> StageAsync(LedgerStore store, StateTree tree, ulong epoch)
    {
        var storage = store.GrainStorage;
        storage.BeginEpoch(epoch);
        var created = (int)epoch * (Writes / 2);
        var grains = Enumerable.Range(Math.Max(0, created - Writes / 2), Math.Min(created, Writes / 2)).Concat(Enumerable.Range(created, Writes / 2));
        foreach (var i in grains)
        {
            var id = GrainId.Create("account", i);
            var state = new GrainState<AccountState>(new AccountState());
            await storage.ReadStateAsync("state", id, state);
            state.State = new AccountState { Owner = $"org-{i % 97}", Balance = (long)epoch * 1_000 + i, Nonce = epoch };
            await storage.WriteStateAsync("state", id, state);
        }
        var writes = storage.TakeStagedWrites();
        var batch = tree.Update(epoch, writes.Select(w => w.ToStateChange()));
        var pivot = Keccak.Hash(BitConverter.GetBytes(epoch));
        var receipts = Enumerable.Range(0, Receipts).Select(p => new Receipt(
            Keccak.Hash(BitConverter.GetBytes(((long)epoch << 32) | (uint)p)), "accept-custody", Address.Zero, (ulong)p, pivot, epoch, p,
            p % 10 == 0 ? TransactionStatus.Failed : TransactionStatus.Executed, p % 10 == 0 ? "not-custodian" : "", "", epoch)).ToList();
        var failed = receipts.Count(r => r.Status == TransactionStatus.Failed);
        var record = new EpochRecord(epoch, pivot, [pivot], [], batch.RootHash, Receipt.RootOf(receipts), epoch, Receipts - failed, failed);
        return new EpochCommit(record, receipts, writes, batch, receipts.Select(r => new TransactionPlacement(r.TransactionHash, pivot, r.Position)).ToList());
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class AccountState
    {
        public string Owner { get; set; } = "";

        public long Balance { get; set; }

        public ulong Nonce { get; set; }
    }
}
