namespace BriOrleans.Architecture.Tests;

/// <summary>ARCHITECTURE.md's rules: which role may reference which, checked on the project files.</summary>
public class DependencyRuleTests
{
    // Role -> roles its projects may reference (directly or through others). Tests may reference anything.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["grain-interfaces"] = [],
        ["grains"] = ["grain-interfaces", "grains"],
        ["silos"] = ["grain-interfaces", "grains", "silos"],
        ["clients"] = ["grain-interfaces", "clients"],
    };

    public static TheoryData<string> ProductProjects()
    {
        var data = new TheoryData<string>();
        foreach (var p in RepositoryLayout.Projects().Where(p => RepositoryLayout.RoleOf(p) != "tests"))
            data.Add(p);
        return data;
    }

    [Fact]
    public void Every_project_lives_in_a_known_role_folder()
    {
        var unknown = RepositoryLayout.Projects()
            .Where(p => RepositoryLayout.RoleOf(p) != "tests" && !Allowed.ContainsKey(RepositoryLayout.RoleOf(p)))
            .ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void A_project_references_only_the_roles_its_own_role_may_depend_on(string project)
    {
        var role = RepositoryLayout.RoleOf(project);
        var forbidden = RepositoryLayout.TransitiveReferences(project)
            .Where(r => !Allowed[role].Contains(RepositoryLayout.RoleOf(r)))
            .ToList();
        Assert.True(forbidden.Count == 0,
            $"{project} ({role}) may depend on [{string.Join(", ", Allowed[role])}] but references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Grain_interfaces_reference_no_project()
    {
        foreach (var project in RepositoryLayout.Projects().Where(p => RepositoryLayout.RoleOf(p) == "grain-interfaces"))
            Assert.Empty(RepositoryLayout.DirectReferences(project));
    }

    [Fact]
    public void Grain_interfaces_use_no_package_but_the_crypto_primitives()
    {
        foreach (var project in RepositoryLayout.Projects().Where(p => RepositoryLayout.RoleOf(p) == "grain-interfaces"))
            Assert.All(RepositoryLayout.PackageReferences(project), package => Assert.Equal("Portable.BouncyCastle", package));
    }

    [Fact]
    public void Clients_never_reach_grains_or_silos()
    {
        foreach (var project in RepositoryLayout.Projects().Where(p => RepositoryLayout.RoleOf(p) == "clients"))
            Assert.DoesNotContain(RepositoryLayout.TransitiveReferences(project),
                r => RepositoryLayout.RoleOf(r) is "grains" or "silos");
    }

    [Fact]
    public void Every_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "BriOrleans.sln")).Replace('\\', '/');
        var missing = RepositoryLayout.Projects().Where(p => !solution.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }
}
