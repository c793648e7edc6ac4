using System.Text.Json.Nodes;
using BriOrleans.Node.TreeGraph;

namespace BriOrleans.Consensus.Tests;

/// <summary>One published vector: its DAG and its expected results.</summary>
public sealed record TreeGraphVector(string Name, string Path, JsonObject Source, DagDocument Dag, JsonObject Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// The published vectors, read from shared/vectors/treegraph.json beside the repository (the
/// repository root is where BriOrleans.sln is; its parent and their parents are searched).
/// </summary>
public static class TreeGraphVectors
{
    private static readonly Lazy<IReadOnlyList<TreeGraphVector>> Loaded = new(Load);

    public static IReadOnlyList<TreeGraphVector> All => Loaded.Value;

    public static TreeGraphVector Named(string name) =>
        All.SingleOrDefault(v => v.Name == name) ?? throw new InvalidOperationException($"no vector named '{name}'");

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var vector in All)
            names.Add(vector.Name);
        return names;
    }

    public static string FilePath { get; } = Locate();

    private static string Locate()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(System.IO.Path.Combine(repository.FullName, "BriOrleans.sln")))
            repository = repository.Parent;
        if (repository is null)
            throw new InvalidOperationException($"BriOrleans.sln not found above {AppContext.BaseDirectory}");
        var searched = new List<string>();
        for (var dir = repository.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "vectors", "treegraph.json");
            if (File.Exists(candidate))
                return candidate;
            searched.Add(candidate);
        }
        throw new InvalidOperationException(
            $"the tree-graph vectors are missing: expected ../shared/vectors/treegraph.json beside {repository.FullName}; looked at {string.Join(", ", searched)}");
    }

    private static IReadOnlyList<TreeGraphVector> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))?.AsObject()
            ?? throw new InvalidOperationException($"{FilePath} is empty");
        var vectors = new List<TreeGraphVector>();
        foreach (var node in root["vectors"]?.AsArray() ?? throw new InvalidOperationException($"{FilePath} has no \"vectors\" array"))
        {
            var source = node!.AsObject();
            var name = source["name"]!.GetValue<string>();
            var dag = DagDocument.FromJson(source, out var error)
                ?? throw new InvalidOperationException($"vector '{name}' does not parse: {error}");
            var expected = source["expected"]?.AsObject() ?? throw new InvalidOperationException($"vector '{name}' has no expected results");
            vectors.Add(new TreeGraphVector(name, FilePath, source, dag, expected));
        }
        if (vectors.Count == 0)
            throw new InvalidOperationException($"{FilePath} holds no vectors");
        return vectors;
    }
}
