using System.Diagnostics;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Node.Hosting;
using BriOrleans.NodeCore.Admission;
using BriOrleans.NodeCore.Execution;
using BriOrleans.NodeCore.Network;
using BriOrleans.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BriOrleans.Benchmarks;

/// <summary>
/// `execution-loop [sqlite|postgres]`: the node's serial work alone — pool, block production, tree-graph
/// ordering, epoch execution through the grains, and the epoch commit — without HTTP, JSON or signature
/// recovery. Anchor-document transactions are signed up front and admitted straight to the pool of a real
/// node (the one `bri node run` builds); the figure is executed transactions per second from the first
/// admission to the last execution, and the same over one core's secp256k1 recoveries per second.
/// </summary>
internal static class ExecutionLoopBenchmark
{
    private const int Senders = 32;
    private const int PerSender = 1000;
    private const int Rounds = 3;

    public static int Run(string storage) => RunAsync(storage).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string storageName)
    {
        var server = storageName == "postgres"
            ? Environment.GetEnvironmentVariable("BRI_TEST_POSTGRES") ?? throw new InvalidOperationException("postgres: set BRI_TEST_POSTGRES to a server's connection string")
            : null;
        // Each run gets a schema of its own on the server, so a run never meets an earlier run's chain.
        var schema = $"bench_loop_{Environment.ProcessId}";
        var storage = server is null ? "sqlite" : new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        var directory = Directory.CreateTempSubdirectory("bri-bench-loop-");
        try
        {
            if (server is not null)
                await ExecuteOnServerAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
            var network = LocalNetwork.Create(directory.FullName, ["CN"], LocalNetwork.DefaultChainId, (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var registrar = KeyFile.Load(LocalNetwork.KeyPath(directory.FullName, "CN", "registrar")).Key;
            var app = await NodeHost.BuildAsync(new NodeOptions(directory.FullName, "http://127.0.0.1:0", null, storage));
            await app.StartAsync();
            try
            {
                var admission = app.Services.GetRequiredService<TransactionAdmission>();
                var events = app.Services.GetRequiredService<NodeEvents>();
                var chainId = network.Genesis.ChainId;
                var senders = Enumerable.Range(0, Senders).Select(_ => PrivateKey.Generate()).ToArray();
                await ExecuteAsync(admission, events, [.. senders.Select((s, i) => SignedTransaction.Sign(
                    new RegisterOrganization(registrar.Address, (ulong)i, s.Address, $"Bench sender {i}", "CN", ["exporter"]), registrar, chainId))]);

                Console.WriteLine($"execution loop ({storageName}): {Senders} senders × {PerSender} anchor-document transactions per round");
                Console.WriteLine($"{"round",5} {"tx/s",9} {"µs/tx",8} {"recover/s",10} {"ratio",7} {"KiB/tx",7} {"gc pause",8} {"gen0/1/2",10}");
                for (var round = 0; round < Rounds; round++)
                {
                    var transactions = new SignedTransaction[Senders * PerSender];
                    Parallel.For(0, Senders, s =>
                    {
                        for (var i = 0; i < PerSender; i++)
                        {
                            var nonce = (ulong)(round * PerSender + i);
                            var anchor = new AnchorDocument(senders[s].Address, nonce, "INV", Keccak.Hash(Guid.NewGuid().ToByteArray()));
                            transactions[i * Senders + s] = SignedTransaction.Sign(anchor, senders[s], chainId);
                        }
                    });
                    var recoveries = RecoveriesPerSecond(TimeSpan.FromSeconds(1));
                    var before = GarbageCollection.Now();
                    var seconds = await ExecuteAsync(admission, events, transactions);
                    var gc = GarbageCollection.Now() - before;
                    var tps = transactions.Length / seconds;
                    Console.WriteLine($"{round,5} {tps,9:0} {1e6 / tps,8:0.0} {recoveries,10:0} {tps / recoveries,7:0.000} " +
                        $"{gc.AllocatedBytes / 1024.0 / transactions.Length,7:0.0} {gc.Pause.TotalSeconds / seconds,8:P1} {gc.Gen0,4}/{gc.Gen1}/{gc.Gen2}");
                }
                return 0;
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            directory.Delete(recursive: true);
            if (server is not null)
                await ExecuteOnServerAsync(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>secp256k1 public-key recoveries per second on this thread (one core).</summary>
    private static double RecoveriesPerSecond(TimeSpan duration)
    {
        var key = PrivateKey.Generate();
        var digests = Enumerable.Range(0, 256).Select(i => Keccak.Hash(BitConverter.GetBytes(i))).ToArray();
        var signatures = digests.Select(key.Sign).ToArray();
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < digests.Length; i++)
                signatures[i].RecoverSigner(digests[i]);
            count += digests.Length;
        }
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Admits every transaction and waits until each has a receipt; seconds from first admission to last receipt.</summary>
    private static async Task<double> ExecuteAsync(TransactionAdmission admission, NodeEvents events, SignedTransaction[] transactions)
    {
        var waiting = transactions.Select(t => t.Hash).ToHashSet();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // The subscription is in place once the first MoveNextAsync has been called, before anything is admitted.
        var epochs = events.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = epochs.MoveNextAsync();
        var watching = Task.Run(async () =>
        {
            await using var _ = epochs;
            while (await next)
            {
                foreach (var receipt in epochs.Current.Receipts)
                {
                    if (receipt.Status != TransactionStatus.Executed)
                        throw new InvalidOperationException($"{receipt.TransactionHash} failed: {receipt.ReasonCode} {receipt.Message}");
                    waiting.Remove(receipt.TransactionHash);
                }
                if (waiting.Count == 0)
                    return Stopwatch.GetTimestamp();
                next = epochs.MoveNextAsync();
            }
            throw new TimeoutException($"{waiting.Count} transactions did not execute in time");
        });
        var started = Stopwatch.GetTimestamp();
        var admitted = await Task.WhenAll(transactions.Select(t => admission.AdmitAsync(t)));
        if (admitted.FirstOrDefault(a => !a.Accepted) is { } refused)
            throw new InvalidOperationException($"refused: {refused.ErrorCode}: {refused.Message}");
        try
        {
            return Stopwatch.GetElapsedTime(started, await watching).TotalSeconds;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{waiting.Count} of {transactions.Length} transactions had no receipt in a minute");
        }
    }

    /// <summary>The process's allocation and collection counters, to show what a round cost the garbage collector.</summary>
    private readonly record struct GarbageCollection(long AllocatedBytes, TimeSpan Pause, int Gen0, int Gen1, int Gen2)
    {
        public static GarbageCollection Now() => new(GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        public static GarbageCollection operator -(GarbageCollection a, GarbageCollection b) => new(
            a.AllocatedBytes - b.AllocatedBytes, a.Pause - b.Pause, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);
    }
}
