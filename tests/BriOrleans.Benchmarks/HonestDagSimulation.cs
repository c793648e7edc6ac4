using BriOrleans.Consensus;
using BriOrleans.Crypto;

namespace BriOrleans.Benchmarks;

/// <summary>
/// Grows a DAG the way honest validators would: each producer builds on its own view (parent = its
/// pivot tip, referees = its other tips) and every block reaches the other producers after a seeded
/// random delay of 0..maxDelay block intervals, so concurrent blocks share epochs.
/// </summary>
internal static class HonestDagSimulation
{
    public static List<TreeGraphBlock> Generate(int seed, int producers, int count, int maxDelay)
    {
        var random = new Random(seed);
        var genesis = TreeGraphBlock.Genesis("b0", RandomHash(random));
        var blocks = new List<TreeGraphBlock>(count) { genesis };
        var views = new IncrementalTreeGraph[producers];
        var inboxes = new List<(int Due, TreeGraphBlock Block)>[producers];
        for (var p = 0; p < producers; p++)
        {
            views[p] = new IncrementalTreeGraph();
            views[p].Insert(genesis);
            inboxes[p] = [];
        }

        for (var step = 1; blocks.Count < count; step++)
        {
            for (var p = 0; p < producers; p++)
                Deliver(views[p], inboxes[p], step);
            var producer = random.Next(producers);
            var choice = views[producer].NextBlock();
            var block = new TreeGraphBlock($"b{blocks.Count}", choice.Parent, choice.Referees, RandomHash(random));
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
        // A block that arrives before its parent or referees waits for them, as a sync layer holds it.
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

    private static Hash256 RandomHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        random.NextBytes(bytes);
        return new Hash256(bytes);
    }
}
