using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BriOrleans.Node.Tests.Hosting;
using Xunit.Abstractions;

namespace BriOrleans.Node.Tests.Crash;

/// <summary>
/// Killing the node (SIGKILL) at any moment loses nothing it had reported as executed; on restart it reloads and
/// carries on. A real node process runs a workload and is killed at random moments (seeded; the seed is printed and
/// BRI_KILL_SEED replays it), mostly under load and sometimes while starting or recovering. Every receipt and epoch
/// record it reported before a kill must be served identically afterwards, every transaction must end with the
/// outcome its rules give it, and the result must equal that of a node that was never killed.
/// <para>
/// What "equal" can mean: the two nodes cut the transactions into different blocks, so the traders' transactions
/// interleave differently and every change carries the wall-clock time of a different pivot block. The state roots
/// therefore differ legitimately. The workload makes each transaction's outcome independent of the interleaving, and
/// the test compares what must be equal: each transaction's status and reason code, the totals, every sender's nonce,
/// and every touched object as the read endpoints serve it, with the ledger times set aside.
/// </para>
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const string SeedVariable = "BRI_KILL_SEED";
    private const int MaxSubmissionsPerLife = 30;
    private static readonly TimeSpan s_startLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_finishLimit = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(TestStorage.Sqlite, 10)]
    [InlineData(TestStorage.Postgres, 6)]
    public async Task A_node_killed_at_random_moments_keeps_every_reported_receipt_and_ends_as_a_node_never_killed(string storageKind, int kills)
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"{storageKind}: seed {seed} (replay with {SeedVariable}={seed})");
        var random = new Random(seed);
        using var network = TestNetwork.Create();
        using var referenceNetwork = network.CopyGenesisAndKeys();
        await using var storage = await TestStorage.CreateAsync(storageKind);
        await using var referenceStorage = await TestStorage.CreateAsync(storageKind);
        var workload = TradeWorkload.Create(network.Registrar, network.RegistrarCountry, traders: 10, eventsPerTrader: 12, invoicesPerTrader: 14);
        var driver = new WorkloadDriver(workload);
        var clock = Stopwatch.StartNew();

        for (var kill = 1; kill <= kills; kill++)
        {
            await using var node = NodeProcess.Start(network.DataDirectory, storage.Option);
            var moment = await RunLifeUntilKilledAsync(node, driver, random);
            output.WriteLine($"kill {kill} {moment}: {driver.ReportedReceipts}/{workload.Transactions.Count} receipts, {driver.ReportedEpochs} epochs reported");
        }
        var reportedBeforeLastKill = driver.ReportedReceipts;
        var killPhase = clock.Elapsed;
        await using var survivor = NodeProcess.Start(network.DataDirectory, storage.Option);
        try
        {
            Assert.True(await survivor.WaitUntilAnsweringAsync(s_startLimit), $"the node exited by itself:\n{survivor.Log}");
            await RunToTheEndAsync(driver, survivor.Api);

            await driver.VerifyReportedAsync(survivor.Api);
            var outcomes = await AssertPlannedOutcomesAsync(survivor.Api, workload, driver);
            var state = await DomainState.ReadAsync(survivor.Api, workload.ReadPaths);
            var (reference, referenceOutcomes) = await RunNeverKilledAsync(referenceNetwork, referenceStorage, workload);

            Assert.True(JsonNode.DeepEquals(referenceOutcomes, outcomes), $"outcomes differ:\nkilled node {outcomes.ToJsonString()}\nnever killed {referenceOutcomes.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(reference, state), $"domain state differs:\nkilled node {state.ToJsonString()}\nnever killed {reference.ToJsonString()}");
        }
        catch (Exception)
        {
            output.WriteLine($"node log (last lines):\n{survivor.Log}");
            throw;
        }
        output.WriteLine($"{storageKind}: {kills} kills, {workload.Transactions.Count} transactions, {reportedBeforeLastKill} receipts reported before the last kill; " +
            $"kill phase {killPhase.TotalSeconds:F1} s, whole test {clock.Elapsed.TotalSeconds:F1} s");
    }

    // One life: sometimes killed at a random moment while starting (or recovering); otherwise the driver sends a
    // random number of transactions and keeps polling, and the node dies a random moment later with them in flight.
    // A life accepts at most MaxSubmissionsPerLife, so the kills always come before the workload is done.
    private static async Task<string> RunLifeUntilKilledAsync(NodeProcess node, WorkloadDriver driver, Random random)
    {
        using var lifeEnded = new CancellationTokenSource();
        var whileStarting = random.Next(4) == 0;
        var submissions = random.Next(1, MaxSubmissionsPerLife + 1);
        var delay = TimeSpan.FromMilliseconds(whileStarting ? random.Next(0, 1500) : random.Next(0, 250));
        var spent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (whileStarting)
            spent.SetResult();
        var killing = KillAsync(node, spent.Task, delay, lifeEnded);
        bool finished;
        try
        {
            finished = await node.WaitUntilAnsweringAsync(s_startLimit)
                && await driver.RunAsync(node.Api, lifeEnded.Token, submissions, () => spent.TrySetResult());
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"the node stopped answering without being killed: {e.Message}\n{node.Log}", e);
        }
        Assert.False(finished, "the workload finished before the kill: enlarge it or lower MaxSubmissionsPerLife");
        Assert.True(lifeEnded.IsCancellationRequested, $"the node died without being killed:\n{node.Log}");
        await killing;
        return whileStarting ? $"{delay.TotalMilliseconds} ms after launch" : $"under load, {delay.TotalMilliseconds} ms after {submissions} accepted submissions";
    }

    private static async Task KillAsync(NodeProcess node, Task trigger, TimeSpan delay, CancellationTokenSource lifeEnded)
    {
        await trigger;
        await Task.Delay(delay);
        // The driver stops before the process dies, so what it recorded was answered by a live node.
        await lifeEnded.CancelAsync();
        await node.KillAsync();
    }

    private static async Task RunToTheEndAsync(WorkloadDriver driver, NodeApi api)
    {
        using var deadline = new CancellationTokenSource(s_finishLimit);
        Assert.True(await driver.RunAsync(api, deadline.Token), $"the workload did not finish within {s_finishLimit.TotalSeconds} s: {driver.ReportedReceipts} receipts");
    }

    // Every transaction ended with its planned outcome, counted once; returns the outcomes (hash → status, reason).
    private static async Task<JsonObject> AssertPlannedOutcomesAsync(NodeApi api, TradeWorkload workload, WorkloadDriver driver)
    {
        var outcomes = new JsonObject();
        foreach (var planned in workload.Transactions)
        {
            var receipt = driver.ReceiptOf(planned.Hash);
            Assert.True((string?)receipt["status"] == planned.Status && (string?)receipt["reasonCode"] == planned.ReasonCode,
                $"{planned.Signed.Kind} nonce {planned.Signed.Transaction.Nonce} should be {planned.Status} {planned.ReasonCode}: {receipt.ToJsonString()}");
            outcomes[planned.Hash.ToString()] = $"{receipt["status"]} {receipt["reasonCode"]}";
        }
        var status = await api.StatusAsync();
        var transactions = status["transactions"]!;
        Assert.Equal(workload.Transactions.Count(t => t.Status == "executed"), (int)transactions["executed"]!);
        Assert.Equal(workload.Transactions.Count(t => t.Status == "failed"), (int)transactions["failed"]!);
        Assert.Equal(0, (int)transactions["pending"]!);
        var latest = await api.ReadAsync($"/v1/epochs/{(long)status["executedEpoch"]!}");
        Assert.Equal((string?)latest["stateRoot"], (string?)status["stateRoot"]);
        return outcomes;
    }

    private static async Task<(JsonObject State, JsonObject Outcomes)> RunNeverKilledAsync(TestNetwork network, TestStorage storage, TradeWorkload workload)
    {
        await using var node = await InProcessNode.StartAsync(network.DataDirectory, storage.Option);
        var driver = new WorkloadDriver(workload);
        await RunToTheEndAsync(driver, node.Api);
        return (await DomainState.ReadAsync(node.Api, workload.ReadPaths), await AssertPlannedOutcomesAsync(node.Api, workload, driver));
    }
}
