using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Ledger;
using BriOrleans.Sdk;
using BriOrleans.Sdk.Api;
using BriOrleans.Transactions;
using BriOrleans.TypedData;

namespace BriOrleans.Clients.Tests.Node;

/// <summary>
/// Batch submission against a real node process: the SDK's <see cref="BriClient.SubmitBatchAsync"/> with accepted
/// and refused transactions, a transaction signed beforehand submitted alone, and <c>bri bench --batch</c>.
/// </summary>
public sealed class BatchRoundTripTests(LocalNode node) : IClassFixture<LocalNode>, IDisposable
{
    private static readonly TransactionKind s_registration = TransactionCatalog.TryGet("register-organization", out var kind)
        ? kind
        : throw new InvalidOperationException("register-organization is no transaction kind");

    private readonly HttpClient _http = new();

    private BriClient Client => new(_http, new Uri(node.Url));

    private PrivateKey Registrar => KeyFile.Load(node.RegistrarKeyFile).Key;

    /// <summary>The genesis country whose registrars include the registrar's key.</summary>
    private string RegistrarCountry => Genesis.Parse(File.ReadAllText(Path.Combine(node.DataDirectory, "genesis.json"))).Countries
        .Single(c => c.Registrars.Contains(Registrar.Address)).Code;

    /// <summary><paramref name="from"/> registering the organization <paramref name="name"/>, signed by <paramref name="signer"/>.</summary>
    private SignedSubmission Registration(PrivateKey from, PrivateKey signer, ulong nonce, string name, ulong chainId)
    {
        var fields = new JsonObject
        {
            ["address"] = TestKeys.FromLabel("batch-round-trip/" + name).Address.ToString(),
            ["name"] = name,
            ["country"] = RegistrarCountry,
            ["roles"] = new JsonArray("importer"),
        };
        var typedData = s_registration.Prepare(fields, from.Address, nonce, chainId);
        return SignedSubmission.Of(typedData, signer.Sign(Eip712.Digest(typedData)));
    }

    [Fact]
    public async Task A_batch_answers_each_transaction_in_order_and_the_accepted_ones_execute()
    {
        var client = Client;
        var registrar = Registrar;
        var stranger = TestKeys.FromLabel("batch-round-trip/stranger");
        var chainId = await client.GetChainIdAsync();
        var next = (await client.GetAccountAsync(registrar.Address)).PendingNonce;
        SignedSubmission[] batch =
        [
            Registration(registrar, registrar, next, "Khorgos Gateway Logistics", chainId),
            Registration(registrar, stranger, next + 1, "Forged Registration", chainId),
            Registration(registrar, registrar, next + 1, "Lahore Dry Port", chainId),
            Registration(stranger, stranger, 0, "Self Registration", chainId),
        ];

        var results = await client.SubmitBatchAsync(batch);

        Assert.Equal(4, results.Count);
        Assert.Equal(new SubmissionResult(batch[0].Hash, null, null), results[0]);
        Assert.Equal(new SubmissionResult(batch[2].Hash, null, null), results[2]);
        Assert.True(results[1] is { Accepted: false, ErrorCode: "signer_mismatch" }, results[1].ToString());
        Assert.Contains(registrar.Address.ToString(), results[1].Message, StringComparison.Ordinal);
        Assert.True(results[3] is { Accepted: false, ErrorCode: "unknown_sender" }, results[3].ToString());
        Assert.Contains(stranger.Address.ToString(), results[3].Message, StringComparison.Ordinal);
        foreach (var accepted in new[] { batch[0], batch[2] })
            Assert.Equal(TransactionStatus.Executed, (await client.WaitAsync(accepted.Hash, TimeSpan.FromSeconds(60))).Status);
        foreach (var refused in new[] { batch[1], batch[3] })
        {
            var lookup = await Assert.ThrowsAsync<BriApiException>(() => client.GetTransactionAsync(refused.Hash));
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }
    }

    [Fact]
    public async Task A_transaction_signed_beforehand_and_submitted_alone_is_admitted_under_its_hash_and_executes()
    {
        var client = Client;
        var next = (await client.GetAccountAsync(Registrar.Address)).PendingNonce;
        var signed = Registration(Registrar, Registrar, next, "Gwadar Cold Storage", await client.GetChainIdAsync());

        var hash = await client.SubmitAsync(signed);

        Assert.Equal(signed.Hash, hash);
        Assert.Equal(TransactionStatus.Executed, (await client.WaitAsync(hash, TimeSpan.FromSeconds(60))).Status);
    }

    [Fact]
    public async Task A_bench_in_batches_of_ten_reports_its_batch_size_and_executes_every_transaction()
    {
        const int Transactions = 200, Senders = 4;
        var before = (await Client.GetStatusAsync()).Transactions;

        var run = await BriRun.Of("bench", "--node", node.Url, "--tx", $"{Transactions}", "--concurrency", $"{Senders}", "--batch", "10",
            "--registrar", node.RegistrarKeyFile);

        Assert.True(run.Exit == 0, $"{run}\nnode log:\n{node.Log}");
        var figures = JsonNode.Parse(run.LastLine)!.AsObject();
        Assert.Equal(10, (int)figures["batch"]!);
        Assert.Equal(Transactions, (int)figures["transactions"]!);
        Assert.Equal(0, (int)figures["failed"]!);
        Assert.Contains("10 transactions per batch request", run.Stdout, StringComparison.Ordinal);
        var after = (await Client.GetStatusAsync()).Transactions;
        // Every bench transaction and each sender's registration executed; none failed.
        Assert.Equal(before.Executed + Transactions + Senders, after.Executed);
        Assert.Equal(before.Failed, after.Failed);
    }

    [Fact]
    public async Task A_bench_with_a_warm_up_executes_the_warm_up_first_and_counts_only_the_measured_transactions()
    {
        const int Transactions = 120, Warmup = 40, Senders = 4;
        var before = (await Client.GetStatusAsync()).Transactions;

        var run = await BriRun.Of("bench", "--node", node.Url, "--tx", $"{Transactions}", "--warmup", $"{Warmup}", "--concurrency", $"{Senders}",
            "--batch", "10", "--registrar", node.RegistrarKeyFile);

        Assert.True(run.Exit == 0, $"{run}\nnode log:\n{node.Log}");
        var figures = JsonNode.Parse(run.LastLine)!.AsObject();
        Assert.Equal(Transactions, (int)figures["transactions"]!);
        Assert.Equal(Warmup, (int)figures["warmup"]!);
        Assert.Equal(0, (int)figures["failed"]!);
        Assert.Contains($"executed {Transactions}/{Transactions} in", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"after a warm-up of {Warmup}", run.Stdout, StringComparison.Ordinal);
        // The warm-up ran to the end before the measured run began, and none of it failed.
        var warmedUp = run.Stderr.IndexOf($"bench: warm-up executed {Warmup}/{Warmup} in", StringComparison.Ordinal);
        Assert.True(warmedUp >= 0, run.Stderr);
        Assert.Contains(", 0 failed", run.Stderr[warmedUp..].Split('\n')[0], StringComparison.Ordinal);
        Assert.True(warmedUp < run.Stderr.IndexOf("bench: submitting with", StringComparison.Ordinal), run.Stderr);
        var after = (await Client.GetStatusAsync()).Transactions;
        Assert.Equal(before.Executed + Transactions + Warmup + Senders, after.Executed);
        Assert.Equal(before.Failed, after.Failed);
    }

    public void Dispose() => _http.Dispose();
}
