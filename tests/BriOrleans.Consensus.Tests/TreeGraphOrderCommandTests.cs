using System.Text.Json.Nodes;
using BriOrleans.Node.TreeGraph;

namespace BriOrleans.Consensus.Tests;

public sealed class TreeGraphOrderCommandTests : IDisposable
{
    private const string G = "0x004eae08a654cda8a55d16ff1c8279a8fa3c6590262e03945e9a4791a1b657ad";
    private const string A = "0xa0a2f50f00000000000000000000000000000000000000000000000000000001";
    private const string B = "0xb01eebd800000000000000000000000000000000000000000000000000000002";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("treegraph-order-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string WriteInput(string json)
    {
        var path = Path.Combine(_directory.FullName, $"dag{_directory.GetFiles().Length}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Exit, string Stdout, string Stderr) Order(string path)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = TreeGraphCommand.Run(["treegraph", "order", path], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(TreeGraphVectors.Names), MemberType = typeof(TreeGraphVectors))]
    public void The_printed_json_equals_the_vectors_expected_ordering_keys(string name)
    {
        var vector = TreeGraphVectors.Named(name);
        var (exit, stdout, stderr) = Order(WriteInput(vector.Source.ToJsonString()));

        Assert.True(exit == 0, stderr);
        var printed = JsonNode.Parse(stdout)!.AsObject();
        string[] keys = ["pivot_chain", "epochs", "total_order", "not_yet_ordered", "tips", "next_block"];
        var skips = vector.Expected["epochs"]!.AsArray().Any(e => e!["skipped"] is not null);
        Assert.Equal(skips ? [.. keys, "executed_order"] : keys, printed.Select(p => p.Key));
        foreach (var (key, value) in printed)
            if (vector.Expected[key] is { } expected)
                Assert.True(JsonNode.DeepEquals(expected, value), $"{key}: expected {expected.ToJsonString()}, printed {value?.ToJsonString()}");
    }

    [Fact]
    public void A_dag_without_params_is_ordered_with_bound_200_and_every_block_counted()
    {
        var (exit, stdout, _) = Order(WriteInput($$"""
            {"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"},
                       {"id":"A","parent":"G","referees":[],"hash":"{{A}}"},
                       {"id":"B","parent":"G","referees":[],"hash":"{{B}}"},
                       {"id":"C","parent":"B","referees":["A"],"hash":"{{A[..^1]}}9"}]}
            """));

        Assert.Equal(0, exit);
        var printed = JsonNode.Parse(stdout)!;
        Assert.Equal("""["G","B","A","C"]""", printed["total_order"]!.ToJsonString());
        Assert.Null(printed["executed_order"]);
    }

    public static TheoryData<string, string, string> MalformedInputs() => new()
    {
        { "not json", "{\"blocks\": [", "not valid JSON" },
        { "no blocks", "{\"params\":{}}", "\"blocks\"" },
        { "bad hash", $$"""{"blocks":[{"id":"G","parent":null,"referees":[],"hash":"0x12"}]}""", "block 'G' (blocks[0]): \"hash\"" },
        { "unknown parent", $$"""{"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"},{"id":"A","parent":"Z","referees":[],"hash":"{{A}}"}]}""", "parent 'Z'" },
        { "duplicate id", $$"""{"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"},{"id":"G","parent":"G","referees":[],"hash":"{{A}}"}]}""", "block 'G': the id is already" },
        { "not topological", $$"""{"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"},{"id":"A","parent":"G","referees":["B"],"hash":"{{A}}"},{"id":"B","parent":"G","referees":[],"hash":"{{B}}"}]}""", "names 'B', which comes later" },
        { "bad bound", $$"""{"params":{"epoch_block_bound":0},"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"}]}""", "params.epoch_block_bound" },
        { "bad policy", $$"""{"params":{"invalid_policy":"ignore"},"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"}]}""", "params.invalid_policy" },
        { "referee not a string", $$"""{"blocks":[{"id":"G","parent":null,"referees":[],"hash":"{{G}}"},{"id":"A","parent":"G","referees":[7],"hash":"{{A}}"}]}""", "block 'A' (blocks[1]): \"referees\"" },
        { "duplicate key", $$"""{"blocks":[{"id":"G","id":"H","parent":null,"referees":[],"hash":"{{G}}"}]}""", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Malformed_input_exits_with_2_and_names_what_is_wrong_on_stderr(string why, string json, string named)
    {
        var (exit, stdout, stderr) = Order(WriteInput(json));

        Assert.True(exit == TreeGraphCommand.BadInput, why);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void A_missing_file_exits_with_2_and_names_the_path()
    {
        var path = Path.Combine(_directory.FullName, "absent.json");

        var (exit, _, stderr) = Order(path);

        Assert.Equal(TreeGraphCommand.BadInput, exit);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
    }
}
