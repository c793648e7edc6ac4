using BriOrleans.Crypto;

namespace BriOrleans.Consensus.Tests;

public sealed class IncrementalTreeGraphTests
{
    private static Hash256 HashOf(int n)
    {
        var bytes = new byte[Hash256.Length];
        bytes[0] = (byte)(n >> 8);
        bytes[1] = (byte)n;
        bytes[31] = 1;
        return new Hash256(bytes);
    }

    private static TreeGraphBlock Block(string id, string? parent, int hash, params string[] referees) => new(id, parent, referees, HashOf(hash));

    private static IncrementalTreeGraph GraphWith(params TreeGraphBlock[] blocks)
    {
        var graph = new IncrementalTreeGraph();
        foreach (var block in blocks)
            graph.Insert(block);
        return graph;
    }

    public static TheoryData<string, TreeGraphBlock, RejectionKind> MalformedBlocks() => new()
    {
        { "unknown parent", Block("X", "nowhere", 50), RejectionKind.UnknownPredecessor },
        { "unknown referee", Block("X", "A", 50, "nowhere"), RejectionKind.UnknownPredecessor },
        { "parent again as referee", Block("X", "A", 50, "A"), RejectionKind.DuplicatePredecessor },
        { "referee twice", Block("X", "A", 50, "G", "G"), RejectionKind.DuplicatePredecessor },
        { "second genesis", Block("X", null, 50), RejectionKind.SecondGenesis },
        { "duplicate id", Block("A", "G", 50), RejectionKind.DuplicateId },
        { "duplicate hash", Block("X", "G", 2), RejectionKind.DuplicateHash },
        { "negative weight", new TreeGraphBlock("X", "G", [], HashOf(50), -1), RejectionKind.NegativeWeight },
        { "empty id", Block("", "G", 50), RejectionKind.MissingId },
    };

    [Theory]
    [MemberData(nameof(MalformedBlocks))]
    public void A_malformed_block_is_rejected_with_a_message_naming_it_and_leaves_the_graph_unchanged(
        string why, TreeGraphBlock block, RejectionKind kind)
    {
        var graph = GraphWith(Block("G", null, 1), Block("A", "G", 2));

        var rejection = graph.Validate(block);

        Assert.NotNull(rejection);
        Assert.Equal(kind, rejection.Kind);
        Assert.Contains($"'{block.Id}'", rejection.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<BlockRejectedException>(() => graph.Insert(block));
        Assert.Equal(kind, thrown.Rejection.Kind);
        Assert.True(graph.Count == 2, why);
        Assert.Equal(["G", "A"], graph.PivotChain);
    }

    [Fact]
    public void A_block_with_more_than_two_hundred_referees_is_rejected()
    {
        var blocks = new List<TreeGraphBlock> { Block("G", null, 1) };
        blocks.AddRange(Enumerable.Range(1, 201).Select(i => Block($"T{i}", "G", i + 1)));
        var graph = GraphWith([.. blocks]);

        var rejection = graph.Validate(Block("X", "T1", 999, [.. blocks.Skip(2).Select(b => b.Id).Append("G")]));

        Assert.Equal(RejectionKind.TooManyReferees, rejection?.Kind);
    }

    [Fact]
    public void The_first_block_must_be_a_genesis_without_parent_or_referees()
    {
        var graph = new IncrementalTreeGraph();

        Assert.Equal(RejectionKind.GenesisWithEdges, graph.Validate(Block("G", "G", 1))?.Kind);
        Assert.Equal(RejectionKind.GenesisWithEdges, graph.Validate(Block("G", null, 1, "G"))?.Kind);
        Assert.Throws<InvalidOperationException>(() => graph.PivotTip);
    }

    [Fact]
    public void Extending_the_pivot_tip_adds_its_epoch_and_removes_none()
    {
        var graph = GraphWith(Block("G", null, 1), Block("A", "G", 2));

        var change = graph.Insert(Block("B", "A", 3, [])).Epochs;

        Assert.False(change.IsReorg);
        Assert.Equal(2, change.FirstChangedEpoch);
        Assert.Equal(["B"], change.Added.Single().Blocks);
    }

    [Fact]
    public void A_block_off_the_pivot_chain_that_does_not_win_its_fork_changes_no_epoch()
    {
        var graph = GraphWith(Block("G", null, 1), Block("A", "G", 200), Block("A2", "A", 3));

        var result = graph.Insert(Block("B", "G", 100));

        Assert.True(result.Epochs.IsEmpty);
        Assert.Equal("A2", result.PivotTip);
        Assert.Equal(["B"], graph.NotYetOrdered);
        Assert.Null(graph.EpochOf("B"));
    }

    [Fact]
    public void A_pivot_switch_reports_the_dropped_epochs_and_the_new_ones_from_the_fork_point()
    {
        // pivot_switch_and_reorg: B2 gives the B fork a 2:2 tie that B1's larger hash wins.
        var vector = TreeGraphVectors.Named("pivot_switch_and_reorg");
        var graph = new IncrementalTreeGraph(vector.Dag.Parameters);
        foreach (var block in vector.Dag.Blocks.TakeWhile(b => b.Id != "B2"))
            graph.Insert(block);

        var change = graph.Insert(vector.Dag.Blocks.Single(b => b.Id == "B2")).Epochs;

        Assert.True(change.IsReorg);
        Assert.Equal(1, change.FirstChangedEpoch);
        Assert.Equal(["A1", "A2"], change.Removed.Select(e => e.Pivot));
        Assert.Equal(["B1", "B2"], change.Added.Select(e => e.Pivot));
        Assert.Equal(["A1", "A2"], graph.NotYetOrdered);
    }

    [Fact]
    public void Views_of_the_pivot_chain_and_total_order_follow_later_insertions()
    {
        var graph = GraphWith(Block("G", null, 1));
        var chain = graph.PivotChain;
        var order = graph.TotalOrder;

        graph.Insert(Block("A", "G", 2));
        graph.Insert(Block("B", "G", 3));
        graph.Insert(Block("C", "B", 4, "A"));

        Assert.Equal(["G", "B", "C"], chain);
        Assert.Equal(["G", "B", "A", "C"], order);
        Assert.Equal(4, graph.SubtreeWeight("G"));
        Assert.Equal(2, graph.EpochOf("A"));
    }

    [Fact]
    public void Under_policy_zero_a_wrong_parent_choice_weighs_nothing_is_no_tip_and_is_not_walked()
    {
        var vector = TreeGraphVectors.Named("conflux_consensus_test_py");
        var graph = new IncrementalTreeGraph(vector.Dag.Parameters);
        foreach (var block in vector.Dag.Blocks.TakeWhile(b => b.Id != "d"))
            graph.Insert(block);

        Assert.False(graph.IsParentChoiceValid("c"));
        Assert.Equal(0, graph.SubtreeWeight("c"));
        Assert.DoesNotContain("c", graph.Tips);
        Assert.Contains("A3", graph.Tips);
        Assert.Equal("A3", graph.PivotTip);
    }

    [Fact]
    public void Beyond_two_hundred_tips_the_referees_are_those_forking_highest_from_the_pivot_chain()
    {
        // A chain C1..C60 is the pivot chain; 250 single-block forks hang off it at heights i % 50.
        var blocks = new List<TreeGraphBlock> { Block("G", null, 1) };
        for (var h = 1; h <= 60; h++)
            blocks.Add(Block($"C{h}", h == 1 ? "G" : $"C{h - 1}", 1000 + h));
        for (var i = 0; i < 250; i++)
            blocks.Add(Block($"L{i}", i % 50 == 0 ? "G" : $"C{i % 50}", 2000 + i));
        var graph = GraphWith([.. blocks]);

        var referees = graph.NextBlock().Referees;

        // Evicted first: lowest fork height, and among equal heights the latest arrival.
        var kept = Enumerable.Range(0, 250).OrderByDescending(i => i % 50).ThenBy(i => i).Take(200).Select(i => $"L{i}");
        Assert.Equal("C60", graph.NextBlock().Parent);
        Assert.Equal(kept.Order(StringComparer.Ordinal), referees.Order(StringComparer.Ordinal));
        Assert.Equal(referees.OrderBy(id => HashOf(2000 + int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture))), referees);
        Assert.Equal(referees, BatchTreeGraph.Order(blocks).NextBlock.Referees);
    }
}
