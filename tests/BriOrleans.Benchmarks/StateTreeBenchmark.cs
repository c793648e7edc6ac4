using System.Diagnostics;
using BriOrleans.Crypto;
using BriOrleans.Grains.State;
using BriOrleans.StateProofs;

namespace BriOrleans.Benchmarks;

/// <summary>
/// `state-tree`: leaf changes per second of the in-memory state tree for epochs of 100 and 1000 changes on
/// states of 10k, 100k and 1M leaves, and state proofs generated and verified per second.
/// </summary>
internal static class StateTreeBenchmark
{
    private static readonly int[] StateSizes = [10_000, 100_000, 1_000_000];
    private static readonly int[] BatchSizes = [100, 1000];
    private const int ChangesPerMeasure = 50_000;
    private const int Proofs = 20_000;

    public static void Run()
    {
        Console.WriteLine("state tree (in memory); an epoch's changes: 1/2 value updates, 1/4 inserts, 1/4 deletes");
        Console.WriteLine($"{"leaves",10} {"batch",6} {"changes/s",11} {"hashes/change",14} {"proofs/s",10} {"verified/s",11} {"path",5}");
        foreach (var size in StateSizes)
            Measure(size);
    }

    private static void Measure(int size)
    {
        var store = new InMemoryStateNodeStore();
        var tree = new StateTree(store);
        var state = new RollingState(size);
        var genesis = Enumerable.Range(0, size).Select(i => StateChange.Set(Key(i), Value(i, 0))).ToList();
        var built = Stopwatch.StartNew();
        tree.Commit(1, genesis);
        Console.WriteLine($"{size,10:N0} leaves written in one batch: {size / built.Elapsed.TotalSeconds:N0} leaves/s, {store.NodeCount:N0} nodes");
        ulong version = 1;
        foreach (var batchSize in BatchSizes)
        {
            var rounds = ChangesPerMeasure / batchSize;
            var epochs = Enumerable.Range(0, rounds).Select(r => state.NextEpoch(batchSize, r + 1)).ToList();
            var hashesBefore = StateHash.CountOnThisThread;
            var clock = Stopwatch.StartNew();
            foreach (var changes in epochs)
            {
                tree.Commit(++version, changes);
                // Finality keeps up with execution, as on a healthy network: only the latest version is retained.
                tree.Prune(version);
            }
            clock.Stop();
            var changed = rounds * batchSize;
            var hashes = StateHash.CountOnThisThread - hashesBefore;
            var (proofsPerSecond, verifiedPerSecond, depth) = MeasureProofs(tree, version, state);
            Console.WriteLine(
                $"{size,10:N0} {batchSize,6} {changed / clock.Elapsed.TotalSeconds,11:N0} {(double)hashes / changed,14:F1} {proofsPerSecond,10:N0} {verifiedPerSecond,11:N0} {depth,5:F1}");
        }
    }

    private static (double Generated, double Verified, double MeanDepth) MeasureProofs(StateTree tree, ulong version, RollingState state)
    {
        var keys = Enumerable.Range(0, Proofs).Select(state.LiveKey).ToList();
        var clock = Stopwatch.StartNew();
        var proofs = keys.Select(key => tree.Prove(key, version)).ToList();
        var generated = Proofs / clock.Elapsed.TotalSeconds;
        var root = tree.RootOf(version);
        clock.Restart();
        var valid = proofs.Count(proof => StateProofVerifier.Verify(root, proof) && proof.IsInclusion);
        var verified = Proofs / clock.Elapsed.TotalSeconds;
        if (valid != Proofs)
            throw new InvalidOperationException($"only {valid} of {Proofs} proofs verified");
        return (generated, verified, proofs.Average(p => p.Siblings.Count));
    }

    private static Hash256 Key(int i) => StateTreeScheme.KeyOf($"account/bench-{i}");

    private static Hash256 Value(int i, int epoch) => StateTreeScheme.ValueOf(BitConverter.GetBytes(((long)epoch << 32) | (uint)i));

    /// <summary>The grains alive are a sliding window: deletes take the oldest, inserts add new ones, so the size holds.</summary>
    private sealed class RollingState(int size)
    {
        private int _oldest;
        private int _next = size;

        public Hash256 LiveKey(int n) => Key(_oldest + (int)((ulong)n * 7_919 % (ulong)(_next - _oldest)));

        public List<StateChange> NextEpoch(int changes, int epoch)
        {
            var batch = new List<StateChange>(changes);
            for (var i = 0; i < changes / 4; i++)
                batch.Add(StateChange.Delete(Key(_oldest++)));
            for (var i = 0; i < changes / 4; i++)
                batch.Add(StateChange.Set(Key(_next), Value(_next++, epoch)));
            // Updates go to the middle of the window, clear of this epoch's deletes and inserts.
            var span = _next - _oldest - changes;
            for (var i = 0; batch.Count < changes; i++)
            {
                var k = _oldest + changes / 2 + (int)((ulong)(epoch * changes + i) * 104_729 % (ulong)span);
                batch.Add(StateChange.Set(Key(k), Value(k, epoch)));
            }
            return batch;
        }
    }
}
