using BriOrleans.Crypto;

namespace BriOrleans.Consensus.Simulation;

/// <summary>
/// A seeded simulation of honest validators growing a DAG: each producer builds on its own view (parent = its
/// pivot tip, referees = its other tips) and every block reaches the other producers after a random delay of
/// 0..maxDelay steps, so concurrent blocks share epochs. Pure and replayable from its seed; property tests and
/// benchmarks use it, and a multi-node simulation starts from it.
/// </summary>
public static class HonestProducers
{
    /// <summary>The blocks in the order they were produced (a topological order), genesis first.</summary>
    public static IReadOnlyList<TreeGraphBlock> Grow(int seed, int producers, int count, int maxDelay)
    {
        var random = new Random(seed);
        var genesis = TreeGraphBlock.Genesis("B0", RandomHash(random));
        var blocks = new List<TreeGraphBlock>(count) { genesis };
        var views = Enumerable.Range(0, producers).Select(_ => new IncrementalTreeGraph()).ToArray();
        var inboxes = Enumerable.Range(0, producers).Select(_ => new List<(int Due, TreeGraphBlock Block)>()).ToArray();
        foreach (var view in views)
            view.Insert(genesis);

        for (var step = 1; blocks.Count < count; step++)
        {
            for (var p = 0; p < producers; p++)
                Deliver(views[p], inboxes[p], step);
            var producer = random.Next(producers);
            var choice = views[producer].NextBlock();
            var block = new TreeGraphBlock($"B{blocks.Count}", choice.Parent, choice.Referees, RandomHash(random));
            blocks.Add(block);
            views[producer].Insert(block);
            for (var p = 0; p < producers; p++)
                if (p != producer)
                    inboxes[p].Add((step + random.Next(maxDelay + 1), block));
        }
        return blocks;
    }

    private static void Deliver(IncrementalTreeGraph view, List<(int Due, TreeGraphBlock Block)> inbox, int step)
    {
        // A block that arrives before its parent or referees waits for them, as a sync layer holds it back.
        bool delivered;
        do
        {
            delivered = false;
            for (var k = 0; k < inbox.Count; k++)
            {
                var (due, block) = inbox[k];
                if (due > step || view.Validate(block) is not null)
                    continue;
                view.Insert(block);
                inbox.RemoveAt(k--);
                delivered = true;
            }
        }
        while (delivered);
    }

    internal static Hash256 RandomHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        random.NextBytes(bytes);
        return new Hash256(bytes);
    }
}
