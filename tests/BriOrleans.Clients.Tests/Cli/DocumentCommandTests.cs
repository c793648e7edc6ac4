using BriOrleans.GrainInterfaces.Tests;
namespace BriOrleans.Clients.Tests.Cli;

/// <summary><c>bri document hash</c>, and the document commands' input errors.</summary>
public sealed class DocumentCommandTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public async Task Hash_prints_the_Keccak_256_of_the_file(string content, string keccak)
    {
        var path = _directory.File("invoice.pdf");
        await File.WriteAllTextAsync(path, content);

        var run = await BriRun.Of("document", "hash", path);

        Assert.Equal(0, run.Exit);
        Assert.Equal(keccak + "\n", run.Stdout);
    }

    [Fact]
    public async Task A_binary_file_is_hashed_byte_for_byte()
    {
        var path = _directory.File("scan.bin");
        byte[] bytes = [0x00, 0xff, 0x10, 0x80];
        await File.WriteAllBytesAsync(path, bytes);

        var run = await BriRun.Of("document", "hash", path);

        Assert.Equal(BriOrleans.Crypto.Keccak.Hash(bytes).ToString(), run.Stdout.Trim());
    }

    [Theory]
    [InlineData("hash")]
    [InlineData("check", "--node", "http://127.0.0.1:9")]
    public async Task A_missing_file_exits_2_naming_it(string command, params string[] options)
    {
        var path = _directory.File("absent.pdf");

        var run = await BriRun.Of(["document", command, path, .. options]);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"bri: document file '{path}' does not exist", run.Stderr);
    }

    [Fact]
    public async Task Anchor_needs_a_type_and_a_key()
    {
        var run = await BriRun.Of("document", "anchor", _directory.File("a.pdf"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("Option '--type' is required", run.Stderr);
        Assert.Contains("Option '--key' is required", run.Stderr);
    }
}
