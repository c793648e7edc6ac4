namespace BriOrleans.GrainInterfaces.Tests;

/// <summary>A fresh directory for one test, deleted with everything in it afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("bri-test-");

    public string Path => _directory.FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => _directory.Delete(recursive: true);
}
