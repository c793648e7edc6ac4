namespace BriOrleans.Consensus.Tests;

public sealed class TreeGraphVectorTests
{
    [Theory]
    [MemberData(nameof(TreeGraphVectors.Names), MemberType = typeof(TreeGraphVectors))]
    public void Batch_form_reproduces_every_expected_key_of_the_vector(string name)
    {
        var vector = TreeGraphVectors.Named(name);

        var ordering = BatchTreeGraph.Order(vector.Dag.Blocks, vector.Dag.Parameters);

        VectorExpectations.AssertMatches(vector.Expected, ordering);
    }

    [Theory]
    [MemberData(nameof(TreeGraphVectors.Names), MemberType = typeof(TreeGraphVectors))]
    public void Incremental_form_reproduces_every_expected_key_of_the_vector(string name)
    {
        var vector = TreeGraphVectors.Named(name);
        var graph = new IncrementalTreeGraph(vector.Dag.Parameters);

        foreach (var block in vector.Dag.Blocks)
            graph.Insert(block);

        VectorExpectations.AssertMatches(vector.Expected, graph.Snapshot());
    }

    [Theory]
    [MemberData(nameof(TreeGraphVectors.Names), MemberType = typeof(TreeGraphVectors))]
    public void Each_insertion_reports_the_pivot_tip_and_verdict_the_vector_expects_at_that_arrival(string name)
    {
        var vector = TreeGraphVectors.Named(name);
        var batch = BatchTreeGraph.Order(vector.Dag.Blocks, vector.Dag.Parameters);
        var tips = vector.Expected["pivot_tip_after_each_arrival"]?.AsArray().Select(t => t!.GetValue<string>()).ToArray()
            ?? [.. batch.PivotTipAfterEachArrival];
        var graph = new IncrementalTreeGraph(vector.Dag.Parameters);

        for (var i = 0; i < vector.Dag.Blocks.Count; i++)
        {
            var block = vector.Dag.Blocks[i];
            var result = graph.Insert(block);

            Assert.Equal(tips[i], result.PivotTip);
            Assert.Equal(i == 0 || batch.ParentChoiceValid[block.Id], result.ParentChoiceValid);
        }
    }

    [Fact]
    public void The_published_vector_file_is_found_and_holds_the_fifteen_known_vectors()
    {
        Assert.True(TreeGraphVectors.All.Count >= 15, $"{TreeGraphVectors.FilePath} holds {TreeGraphVectors.All.Count} vectors");
        Assert.Contains(TreeGraphVectors.All, v => v.Name == "reverse_kahn_differs_from_forward_kahn");
        Assert.Contains(TreeGraphVectors.All, v => v.Dag.Parameters.InvalidPolicy == InvalidBlockPolicy.Zero);
    }
}
