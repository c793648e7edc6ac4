using System.CommandLine;
using System.Globalization;
using BriOrleans.Crypto;
using BriOrleans.Sdk;

namespace BriOrleans.Cli.Bench;

/// <summary>
/// <c>bri bench</c>: registers senders, pre-signs a workload, submits it with concurrent workers and reports
/// throughput and latency as measured from the node's event stream. The last line of its output is one JSON object.
/// </summary>
internal static class BenchCommand
{
    public const string DefaultKeysFolder = "localnet/keys";

    /// <summary>Transactions per request unless <c>--batch</c> says otherwise.</summary>
    public const int DefaultBatch = 1;

    private static readonly TimeSpan s_idleLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    internal static Command Create()
    {
        var node = NodeConnection.Option();
        var transactions = new Option<int>("--tx") { Description = "How many transactions to send", DefaultValueFactory = _ => 5000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent submitters, each with a sender organization of its own", DefaultValueFactory = _ => 32 };
        var batch = new Option<int>("--batch")
        {
            Description = $"Transactions per request: 1 posts each alone to /v1/transactions, more go to /v1/transactions/batch (at most {BriClient.MaxBatchTransactions})",
            DefaultValueFactory = _ => DefaultBatch,
        };
        var warmup = new Option<int>("--warmup")
        {
            Description = "Transactions sent and executed before the measured run and not counted, so that the node's one-time costs " +
                "(compiling its hot paths, first activations) stay out of the figures; 0 for none",
            DefaultValueFactory = _ => 0,
        };
        var registrar = new Option<string?>("--registrar")
        {
            Description = $"The key file of a registrar that admits the senders (default: the first ./{DefaultKeysFolder}/*-registrar.json)",
        };
        var command = new Command("bench", "Measure executed transactions per second and submit→executed latency against a node")
        {
            node, transactions, concurrency, batch, warmup, registrar,
        };
        command.SetAction(CommandAction.OfAsync(async (parsed, stdout, cancellation) =>
        {
            var total = parsed.GetValue(transactions);
            var workers = parsed.GetValue(concurrency);
            if (total < 1)
                throw new FormatException("--tx: at least 1");
            if (workers < 1)
                throw new FormatException("--concurrency: at least 1");
            var perRequest = parsed.GetValue(batch);
            if (perRequest is < 1 or > BriClient.MaxBatchTransactions)
                throw new FormatException($"--batch: 1 to {BriClient.MaxBatchTransactions}");
            var warming = parsed.GetValue(warmup);
            if (warming < 0)
                throw new FormatException("--warmup: 0 or more");
            var registrarKey = KeyFile.Load(parsed.GetValue(registrar) ?? DefaultRegistrar()).Key;
            var client = NodeConnection.Client(parsed.GetRequiredValue(node));
            return await RunAsync(parsed, client, registrarKey, new BenchPlan(total, warming, workers, perRequest), stdout, cancellation);
        }));
        return command;
    }

    /// <summary>The first <c>*-registrar.json</c> of <c>./localnet/keys</c> in ordinal order, as <c>bri node init</c> writes them.</summary>
    private static string DefaultRegistrar()
    {
        var found = Directory.Exists(DefaultKeysFolder)
            ? Directory.GetFiles(DefaultKeysFolder, "*-registrar.json").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        return found ?? throw new FileNotFoundException(
            $"--registrar: no *-registrar.json in ./{DefaultKeysFolder}; pass the key file of a registrar of the network");
    }

    private static async Task<int> RunAsync(ParseResult parsed, BriClient client, PrivateKey registrar, BenchPlan plan, TextWriter stdout,
        CancellationToken cancellation)
    {
        var stderr = parsed.InvocationConfiguration.Error;
        await using var watch = ExecutionWatch.Start(client);
        stderr.WriteLine($"bench: registering {plan.Workers} sender organizations at {client.Node}");
        var (senders, failure) = await BenchSenders.RegisterAsync(client, watch, registrar, plan.Workers, cancellation);
        if (failure is not null)
            return CommandAction.Report(parsed, $"registering a bench sender failed: {failure.ReasonCode}: {failure.Message}", ExitCode.Refused);

        var firstNonces = await Task.WhenAll(senders.Select(async k => (await client.GetAccountAsync(k.Address, cancellation)).PendingNonce));
        var chainId = await client.GetChainIdAsync(cancellation);
        stderr.WriteLine($"bench: signing {plan.Warmup + plan.Transactions} anchor-document transactions");
        var warmupQueues = SignedWorkload.Sign(senders, firstNonces, plan.Warmup, chainId);
        var queues = SignedWorkload.Sign(senders, [.. firstNonces.Select((n, s) => n + (ulong)warmupQueues[s].Length)], plan.Transactions, chainId);

        if (plan.Warmup > 0)
        {
            stderr.WriteLine($"bench: warming up with {plan.Warmup} transactions (not measured)");
            var warm = await SubmitAndWaitAsync(client, watch, warmupQueues, plan.Batch, "warm-up", stderr, cancellation);
            var warmReport = BenchReport.Compile(warmupQueues, warm.Results, watch, double.NaN);
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: warm-up executed {warmReport.Executed}/{plan.Warmup} in {warmReport.Seconds:0.00} s ({warmReport.Tps:0.0} transactions/s), {warmReport.Failed} failed"));
        }

        stderr.WriteLine("bench: measuring secp256k1 recoveries on one core for 1 s (the fastest of 4 slices counts)");
        var recoveries = RecoveryRate.Measure(TimeSpan.FromSeconds(1));

        stderr.WriteLine($"bench: submitting with {plan.Workers} concurrent workers, {Requests(plan.Batch)}");
        var run = await SubmitAndWaitAsync(client, watch, queues, plan.Batch, "submitted", stderr, cancellation);
        if (run.Retries > 0)
            stderr.WriteLine($"bench: {run.Retries} submissions were retried after backpressure (pool full or nonce window)");

        var report = BenchReport.Compile(queues, run.Results, watch, recoveries) with { Batch = plan.Batch, Warmup = plan.Warmup };
        stdout.WriteLine($"bench: {plan.Transactions} transactions from {plan.Workers} senders with {plan.Workers} concurrent workers, " +
            $"{Requests(plan.Batch)}, against {client.Node}" + (plan.Warmup > 0 ? $", after a warm-up of {plan.Warmup}" : ""));
        foreach (var line in report.Lines())
            stdout.WriteLine(line);
        JsonOutput.Line(stdout, report.ToJson());
        return ExitCode.Success;
    }

    /// <summary>Submits <paramref name="queues"/> and waits until every admitted transaction executed (or none did for a while).</summary>
    private static async Task<SubmissionRun> SubmitAndWaitAsync(BriClient client, ExecutionWatch watch, PresignedTransaction[][] queues, int batch,
        string phase, TextWriter stderr, CancellationToken cancellation)
    {
        var run = new SubmissionRun(client, queues, batch, s_idleLimit);
        var hashes = queues.SelectMany(q => q.Select(tx => tx.Hash)).ToArray();
        using var progress = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var ticker = ReportProgressAsync(stderr, phase, run, watch, hashes, progress.Token);
        await run.RunAsync(cancellation);
        var admitted = queues.SelectMany((q, s) => q.Where((_, i) => run.Results[s][i].Refusal is null).Select(tx => tx.Hash)).ToArray();
        await watch.WaitForAsync(admitted, s_idleLimit, cancellation);
        await progress.CancelAsync();
        await Task.WhenAny(ticker);
        return run;
    }

    private static string Requests(int batch) => batch == 1 ? "one transaction per request" : $"{batch} transactions per batch request";

    private static async Task ReportProgressAsync(TextWriter stderr, string phase, SubmissionRun run, ExecutionWatch watch, Hash256[] hashes,
        CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(s_progressInterval);
        while (await timer.WaitForNextTickAsync(cancellation))
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench: {phase} {run.Submitted}/{hashes.Length}, executed {watch.CountOf(hashes)}/{hashes.Length}"));
    }

    /// <summary>What a bench sends: measured transactions, warm-up transactions before them, senders, transactions per request.</summary>
    private sealed record BenchPlan(int Transactions, int Warmup, int Workers, int Batch);
}
