using System.Diagnostics;
using System.Globalization;
using BriOrleans.Consensus;

namespace BriOrleans.Benchmarks;

/// <summary>
/// `treegraph-insert`: the cost of inserting the n-th block into the incremental tree-graph for
/// n = 1k, 10k, 100k on DAGs grown by 4 and 16 honest producers, against the batch form on 1k blocks.
/// </summary>
internal static class TreeGraphInsertBenchmark
{
    private const int Seed = 2024;
    private const int Window = 1000;
    private const int Runs = 3;
    private static readonly int[] Positions = [1_000, 10_000, 100_000];
    private static readonly (int Producers, int MaxDelay)[] Networks = [(4, 3), (16, 8)];

    public static int Run()
    {
        var count = Positions[^1] + Window / 2;
        Console.WriteLine($"Incremental tree-graph insertion by honest producers (seed {Seed}). Per block, the fastest of {Runs} timed");
        Console.WriteLine($"builds (after one warm-up) filters GC and scheduler noise; median, mean and p99 are over the {Window} blocks around n.");
        Console.WriteLine();
        Console.WriteLine("| producers | max delay | n | median µs | mean µs | p99 µs | mean epoch size | reorgs so far | build of all blocks, ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        IReadOnlyList<TreeGraphBlock>? sample = null;
        foreach (var (producers, maxDelay) in Networks)
        {
            var blocks = BriOrleans.Consensus.Simulation.HonestProducers.Grow(Seed, producers, count, maxDelay);
            sample ??= blocks;
            Measure(blocks);
            var fastest = Enumerable.Repeat(double.MaxValue, blocks.Count).ToArray();
            var buildMs = double.MaxValue;
            Build last = default;
            for (var run = 0; run < Runs; run++)
            {
                last = Measure(blocks);
                buildMs = Math.Min(buildMs, last.TotalMs);
                for (var i = 0; i < fastest.Length; i++)
                    fastest[i] = Math.Min(fastest[i], last.Micros[i]);
            }
            foreach (var n in Positions)
            {
                var window = fastest[(n - Window / 2)..(n + Window / 2)];
                Array.Sort(window);
                var epochs = last.Graph.EpochOf(blocks[n - 1].Id) ?? last.Graph.EpochCount;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {producers} | {maxDelay} | {n:N0} | {window[window.Length / 2]:F2} | {window.Average():F2} | {window[(int)(window.Length * 0.99)]:F2} | {(double)n / epochs:F2} | {last.ReorgsBefore[n - 1]:N0} | {buildMs:F0} |"));
            }
        }

        var batchBlocks = sample!.Take(Positions[0]).ToArray();
        BatchTreeGraph.Order(batchBlocks);
        var started = Stopwatch.GetTimestamp();
        BatchTreeGraph.Order(batchBlocks);
        var batchMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Batch form (explicit past sets) on the first {batchBlocks.Length:N0} blocks of the 4-producer DAG: {batchMs:F1} ms, i.e. {batchMs * 1000 / batchBlocks.Length:F1} µs per block, and a node recomputing it after every block would pay the whole {batchMs:F1} ms per insert."));
        return 0;
    }

    private static Build Measure(IReadOnlyList<TreeGraphBlock> blocks)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var graph = new IncrementalTreeGraph();
        var micros = new double[blocks.Count];
        var reorgs = new int[blocks.Count];
        var reorgCount = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < blocks.Count; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var result = graph.Insert(blocks[i]);
            micros[i] = Stopwatch.GetElapsedTime(before).TotalMicroseconds;
            if (result.Epochs.IsReorg)
                reorgCount++;
            reorgs[i] = reorgCount;
        }
        return new Build(micros, reorgs, graph, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private readonly record struct Build(double[] Micros, int[] ReorgsBefore, IncrementalTreeGraph Graph, double TotalMs);
}
