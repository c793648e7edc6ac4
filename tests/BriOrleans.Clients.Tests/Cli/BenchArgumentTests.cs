namespace BriOrleans.Clients.Tests.Cli;

/// <summary><c>bri bench</c>'s input errors, caught before anything is sent.</summary>
public class BenchArgumentTests
{
    [Theory]
    [InlineData(new[] { "--tx", "0" }, "bri: --tx: at least 1")]
    [InlineData(new[] { "--concurrency", "0" }, "bri: --concurrency: at least 1")]
    [InlineData(new[] { "--batch", "0" }, "bri: --batch: 1 to 1000")]
    [InlineData(new[] { "--batch", "1001" }, "bri: --batch: 1 to 1000")]
    [InlineData(new[] { "--warmup", "-1" }, "bri: --warmup: 0 or more")]
    [InlineData(new[] { "--registrar", "/nonexistent/cn-registrar.json" }, "bri: key file '/nonexistent/cn-registrar.json' does not exist")]
    public async Task Bad_figures_or_a_missing_registrar_exit_2(string[] args, string problem)
    {
        var run = await BriRun.Of(["bench", "--node", ClosedPort.Url(), .. args]);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith(problem, run.Stderr);
    }

    [Fact]
    public async Task Without_a_registrar_and_no_local_network_keys_it_says_where_it_looked()
    {
        // The tests run in the output folder, which holds no localnet/keys.
        var run = await BriRun.Of("bench", "--node", ClosedPort.Url());

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("bri: --registrar: no *-registrar.json in ./localnet/keys", run.Stderr);
    }
}
