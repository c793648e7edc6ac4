namespace BriOrleans.GrainInterfaces.Tests.CrossClient;

/// <summary>The repository's root: the nearest folder above the test binaries holding BriOrleans.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BriOrleans.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no BriOrleans.sln above {AppContext.BaseDirectory}");
    }
}
