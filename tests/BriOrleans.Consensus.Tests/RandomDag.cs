using BriOrleans.Crypto;

namespace BriOrleans.Consensus.Tests;

/// <summary>A generated DAG with the parameters to order it by; the seed replays it.</summary>
public sealed record DagCase(string Shape, int Seed, OrderingParameters Parameters, IReadOnlyList<TreeGraphBlock> Blocks)
{
    public override string ToString() =>
        $"{Shape} seed={Seed} blocks={Blocks.Count} bound={Parameters.EpochBlockBound} policy={Parameters.InvalidPolicy}";
}

/// <summary>Seeded DAG shapes for property tests: honest producers behind delivery delays, and adversarial edges.</summary>
public static class RandomDag
{
    /// <summary>
    /// Producers that each build on their own view (parent = its pivot tip, referees = its other tips)
    /// while blocks reach the other producers after a random delay, as a network would deliver them.
    /// </summary>
    public static IReadOnlyList<TreeGraphBlock> Honest(int seed, int producers, int count, int maxDelay) =>
        Simulation.HonestProducers.Grow(seed, producers, count, maxDelay);

    /// <summary>
    /// Blocks with arbitrary edges: some build on the pivot tip of a recent prefix (honest but late),
    /// the rest on a random recent parent; referees are random earlier blocks; weights optionally vary.
    /// </summary>
    public static IReadOnlyList<TreeGraphBlock> Adversarial(int seed, int count, int maxReferees, double lateHonestShare,
        bool varyWeights, InvalidBlockPolicy policy)
    {
        var random = new Random(seed);
        var graph = new IncrementalTreeGraph(new OrderingParameters(InvalidPolicy: policy));
        var blocks = new List<TreeGraphBlock> { TreeGraphBlock.Genesis("G", RandomHash(random)) };
        graph.Insert(blocks[0]);
        const int Window = 8;
        while (blocks.Count < count)
        {
            var i = blocks.Count;
            var seen = random.Next(Math.Max(1, i - Window), i + 1);
            var parent = random.NextDouble() < lateHonestShare
                ? graph.PivotTipAfterEachArrival[seen - 1]
                : blocks[random.Next(Math.Max(0, i - Window), i)].Id;
            var referees = new List<string>();
            var wanted = random.Next(maxReferees + 1);
            for (var attempt = 0; attempt < 3 * wanted && referees.Count < wanted; attempt++)
            {
                var candidate = blocks[random.Next(i)].Id;
                if (candidate != parent && !referees.Contains(candidate))
                    referees.Add(candidate);
            }
            var weight = varyWeights ? random.Next(4) : 1;
            var block = new TreeGraphBlock($"B{i}", parent, referees, RandomHash(random), weight);
            blocks.Add(block);
            graph.Insert(block);
        }
        return blocks;
    }

    private static Hash256 RandomHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        random.NextBytes(bytes);
        return new Hash256(bytes);
    }
}
