using FsCheck;
using FsCheck.Fluent;

namespace BriOrleans.Consensus.Tests;

public sealed class TreeGraphPropertyTests
{
    [Fact]
    public void Incremental_form_equals_the_batch_form_after_every_insertion_on_honest_dags() =>
        Check.One(DagCases.Runs(800), Prop.ForAll(Arb.From(DagCases.Honest), IncrementalEqualsBatchAtEveryPrefix));

    [Fact]
    public void Incremental_form_equals_the_batch_form_after_every_insertion_on_adversarial_dags() =>
        Check.One(DagCases.Runs(1500), Prop.ForAll(Arb.From(DagCases.Adversarial), IncrementalEqualsBatchAtEveryPrefix));

    [Fact]
    public void Incremental_form_equals_the_batch_form_on_larger_dags() =>
        Check.One(DagCases.Runs(40), Prop.ForAll(Arb.From(DagCases.Large), (DagCase dag) =>
        {
            var graph = new IncrementalTreeGraph(dag.Parameters);
            foreach (var block in dag.Blocks)
                graph.Insert(block);
            OrderingAssert.Equal(BatchTreeGraph.Order(dag.Blocks, dag.Parameters), graph.Snapshot());
        }));

    [Fact]
    public void Replaying_each_insertions_epoch_change_rebuilds_the_current_epochs() =>
        Check.One(DagCases.Runs(600), Prop.ForAll(Arb.From(DagCases.Any), (DagCase dag) =>
        {
            var graph = new IncrementalTreeGraph(dag.Parameters);
            var epochs = new List<OrderedEpoch>();
            foreach (var block in dag.Blocks)
            {
                var change = graph.Insert(block).Epochs;
                Assert.Equal(epochs.Skip(change.FirstChangedEpoch).Select(e => e.Pivot), change.Removed.Select(e => e.Pivot));
                epochs.RemoveRange(change.FirstChangedEpoch, epochs.Count - change.FirstChangedEpoch);
                epochs.AddRange(change.Added);
                Assert.Equal(graph.PivotChain, epochs.Select(e => e.Pivot));
                Assert.Equal(graph.TotalOrder, epochs.SelectMany(e => e.Blocks));
            }
        }));

    [Fact]
    public void The_total_order_is_topological_complete_and_made_of_convex_epochs() =>
        Check.One(DagCases.Runs(800), Prop.ForAll(Arb.From(DagCases.Any), (DagCase dag) =>
        {
            var graph = new IncrementalTreeGraph(dag.Parameters);
            foreach (var block in dag.Blocks)
                graph.Insert(block);
            OrderingInvariants.Hold(dag, graph.Snapshot());
        }));

    [Fact]
    public void Honest_producers_never_make_an_invalid_parent_choice() =>
        Check.One(DagCases.Runs(300), Prop.ForAll(Arb.From(DagCases.Honest), (DagCase dag) =>
        {
            var ordering = BatchTreeGraph.Order(dag.Blocks, dag.Parameters);
            Assert.True(ordering.AllParentChoicesValid, dag.ToString());
        }));

    private static void IncrementalEqualsBatchAtEveryPrefix(DagCase dag)
    {
        var graph = new IncrementalTreeGraph(dag.Parameters);
        for (var n = 1; n <= dag.Blocks.Count; n++)
        {
            var result = graph.Insert(dag.Blocks[n - 1]);
            var batch = BatchTreeGraph.Order(dag.Blocks.Take(n).ToArray(), dag.Parameters);

            Assert.Equal(batch.PivotChain[^1], result.PivotTip);
            Assert.Equal(n == 1 || batch.ParentChoiceValid[result.BlockId], result.ParentChoiceValid);
            OrderingAssert.Equal(batch, graph.Snapshot());
        }
    }
}
