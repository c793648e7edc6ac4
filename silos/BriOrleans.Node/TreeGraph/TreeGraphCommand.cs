using System.CommandLine;
using BriOrleans.Consensus;

namespace BriOrleans.Node.TreeGraph;

/// <summary>
/// `brinode treegraph order FILE`: orders a DAG dump with the node's own incremental tree-graph and
/// prints the pivot chain, epochs, total order, waiting blocks, tips and next block as JSON.
/// </summary>
public static class TreeGraphCommand
{
    /// <summary>Exit code for input that is not a well-formed DAG dump.</summary>
    public const int BadInput = 2;

    public static Command Create()
    {
        var file = new Argument<string>("FILE")
        {
            Description = "JSON: {\"params\":{\"epoch_block_bound\":N,\"invalid_policy\":\"count\"|\"zero\"},\"blocks\":[{\"id\",\"parent\",\"referees\",\"hash\"}...]}",
        };
        var order = new Command("order", "Order a DAG given in arrival order and print the result as JSON");
        order.Arguments.Add(file);
        order.SetAction(parse =>
            Order(parse.GetValue(file)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));

        var treegraph = new Command("treegraph", "Tree-graph tools for operators");
        treegraph.Subcommands.Add(order);
        return treegraph;
    }

    /// <summary>Runs `brinode` arguments (starting with "treegraph") in-process with the given writers.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("brinode tree-graph tools");
        root.Subcommands.Add(Create());
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static int Order(string path, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"cannot read {path}: {e.Message}");
            return BadInput;
        }

        var document = DagDocument.Parse(text, out var error);
        if (document is null)
        {
            stderr.WriteLine($"{path}: {error}");
            return BadInput;
        }

        var graph = new IncrementalTreeGraph(document.Parameters);
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            if (graph.Validate(block) is { } rejection)
            {
                stderr.WriteLine($"{path}: {Explain(rejection, block, document.Blocks, i)}");
                return BadInput;
            }
            graph.Insert(block);
        }
        stdout.WriteLine(OrderingJson.Write(graph.Snapshot()));
        return 0;
    }

    /// <summary>An unknown predecessor that appears further down means the dump is not in topological order.</summary>
    private static string Explain(BlockRejection rejection, TreeGraphBlock block, IReadOnlyList<TreeGraphBlock> blocks, int position)
    {
        if (rejection.Kind != RejectionKind.UnknownPredecessor)
            return rejection.Message;
        var later = blocks.Skip(position + 1).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var predecessors = block.Parent is null ? block.Referees : block.Referees.Prepend(block.Parent);
        var early = predecessors.FirstOrDefault(later.Contains);
        return early is null ? rejection.Message
            : $"block '{block.Id}' (blocks[{position}]) names '{early}', which comes later: blocks must be listed in topological order";
    }
}
