namespace BriOrleans.Architecture.Tests;

/// <summary>A file holds one idea: source files stay under the size a reader takes in at once.</summary>
public class SourceSizeTests
{
    private const int MaxLines = 400;

    // A file may exceed the limit only with a reason written here.
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal);

    [Fact]
    public void No_source_file_is_longer_than_four_hundred_lines_without_a_recorded_reason()
    {
        var tooLong = RepositoryLayout.SourceFiles(".cs", ".ts", ".js", ".sh")
            .Where(f => !Exceptions.ContainsKey(f))
            .Select(f => (File: f, Lines: File.ReadLines(Path.Combine(RepositoryLayout.Root, f)).Count()))
            .Where(x => x.Lines > MaxLines)
            .Select(x => $"{x.File} ({x.Lines} lines)")
            .ToList();
        Assert.True(tooLong.Count == 0, "split these files: " + string.Join(", ", tooLong));
    }
}
