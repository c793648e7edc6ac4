using System.Xml.Linq;

namespace BriOrleans.Architecture.Tests;

/// <summary>The repository as files: its projects, their references and their sources.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every project file, as a path relative to the root with forward slashes.</summary>
    public static IReadOnlyList<string> Projects() =>
        Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(p => !IsBuildOutput(p))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The top-level folder a project lives in (its role): grain-interfaces, grains, silos, clients, tests.</summary>
    public static string RoleOf(string project) => project.Split('/')[0];

    public static IReadOnlyList<string> DirectReferences(string project)
    {
        var dir = Path.GetDirectoryName(Path.Combine(Root, project))!;
        return XDocument.Load(Path.Combine(Root, project))
            .Descendants("ProjectReference")
            .Select(e => Relative(Path.GetFullPath(Path.Combine(dir, e.Attribute("Include")!.Value))))
            .ToList();
    }

    public static IReadOnlyList<string> PackageReferences(string project) =>
        XDocument.Load(Path.Combine(Root, project))
            .Descendants("PackageReference")
            .Select(e => e.Attribute("Include")!.Value)
            .ToList();

    public static ISet<string> TransitiveReferences(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(DirectReferences(project));
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (seen.Add(next))
                foreach (var r in DirectReferences(next))
                    pending.Push(r);
        }
        return seen;
    }

    public static IEnumerable<string> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(p => !IsBuildOutput(p) && extensions.Contains(Path.GetExtension(p)));

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or ".git" or "localnet" or "TestResults");

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BriOrleans.sln")))
                return dir.FullName;
        throw new InvalidOperationException("BriOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
