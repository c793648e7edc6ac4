using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces.Tests.CrossClient;
using BriOrleans.Ledger;
using BriOrleans.Sdk;

namespace BriOrleans.Clients.Tests.Node;

/// <summary>
/// bri against a real node process: register an organization and read it back, anchor and check a document,
/// sign the prepared typed data with ethers and submit it, follow epochs, and a short bench.
/// </summary>
public sealed class NodeRoundTripTests(LocalNode node) : IClassFixture<LocalNode>
{
    private static int s_organizations;

    private string Registrar => node.RegistrarKeyFile;

    /// <summary>The genesis country whose registrars include the registrar's key.</summary>
    private string RegistrarCountry => Genesis.Parse(File.ReadAllText(Path.Combine(node.DataDirectory, "genesis.json"))).Countries
        .Single(c => c.Registrars.Contains(KeyFile.Load(Registrar).Address)).Code;

    private static JsonObject Receipt(BriRun run) => JsonNode.Parse(run.Stdout)!.AsObject();

    /// <summary>A new key file, registered by the registrar as an organization with <paramref name="roles"/>.</summary>
    private async Task<(string KeyFile, Address Address)> RegisterAsync(string name, params string[] roles)
    {
        var keyFile = node.File($"org-{Interlocked.Increment(ref s_organizations)}.json");
        var address = Address.Parse((await BriRun.Of("keys", "new", "--out", keyFile)).Stdout.Trim());
        var fields = new JsonObject
        {
            ["address"] = address.ToString(),
            ["name"] = name,
            ["country"] = RegistrarCountry,
            ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]),
        };
        var run = await BriRun.Of("tx", "send", "register-organization", "--node", node.Url, "--key", Registrar, "--json", fields.ToJsonString(), "--wait");
        Assert.True(run.Exit == 0, $"{run}\nnode log:\n{node.Log}");
        return (keyFile, address);
    }

    [Fact]
    public async Task A_registration_sent_with_wait_prints_its_executed_receipt_and_show_finds_the_organization()
    {
        var key = node.File("silk-road.json");
        var address = (await BriRun.Of("keys", "new", "--out", key)).Stdout.Trim();
        var fields = $$"""{"address":"{{address}}","name":"Silk Road Freight","country":"{{RegistrarCountry}}","roles":["carrier","forwarder"]}""";

        var sent = await BriRun.Of("tx", "send", "register-organization", "--node", node.Url, "--key", Registrar, "--json", fields, "--wait");
        var shown = await BriRun.Of("show", "organization", address, "--node", node.Url);

        Assert.True(sent.Exit == 0, sent.ToString());
        var receipt = Receipt(sent);
        Assert.Equal("executed", (string?)receipt["status"]);
        Assert.Equal("register-organization", (string?)receipt["kind"]);
        Assert.Equal(KeyFile.Load(Registrar).Address.ToString(), (string?)receipt["from"]);
        Assert.True(shown.Exit == 0, shown.ToString());
        var organization = JsonNode.Parse(shown.Stdout)!;
        Assert.Equal("Silk Road Freight", (string?)organization["name"]);
        Assert.Equal(RegistrarCountry, (string?)organization["country"]);
    }

    [Fact]
    public async Task An_anchored_document_checks_as_anchored_by_its_issuer_and_anchoring_it_again_fails()
    {
        var (issuer, issuerAddress) = await RegisterAsync("Kashgar Exports", "exporter");
        var invoice = node.File("invoice-1.pdf");
        await File.WriteAllTextAsync(invoice, "invoice 1: 400 t of cotton");
        var draft = node.File("draft.pdf");
        await File.WriteAllTextAsync(draft, "never anchored");

        var anchored = await BriRun.Of("document", "anchor", invoice, "--type", "INV", "--node", node.Url, "--key", issuer, "--wait");
        var check = await BriRun.Of("document", "check", invoice, "--node", node.Url);
        var unknown = await BriRun.Of("document", "check", draft, "--node", node.Url);
        var again = await BriRun.Of("document", "anchor", invoice, "--type", "INV", "--node", node.Url, "--key", issuer, "--wait");

        Assert.True(anchored.Exit == 0, anchored.ToString());
        Assert.True(check.Exit == 0, check.ToString());
        var answer = JsonNode.Parse(check.Stdout)!;
        Assert.True((bool)answer["anchored"]!);
        Assert.Equal(issuerAddress.ToString(), (string?)answer["anchor"]!["issuer"]);
        Assert.Equal("INV", (string?)answer["anchor"]!["documentTypeCode"]);
        Assert.Equal(1, unknown.Exit);
        Assert.False((bool)JsonNode.Parse(unknown.Stdout)!["anchored"]!);
        Assert.Equal(1, again.Exit);
        Assert.Equal("failed", (string?)Receipt(again)["status"]);
        Assert.StartsWith("bri: document_exists: ", again.Stderr);
    }

    [Fact]
    public async Task Typed_data_prepared_by_bri_and_signed_by_ethers_is_accepted_and_executes()
    {
        var registrar = KeyFile.Load(Registrar).Key;
        var organization = TestKeys.FromLabel("almaty-rail").Address;
        var fields = $$"""{"address":"{{organization}}","name":"Almaty Rail","country":"{{RegistrarCountry}}","roles":["carrier"]}""";
        var prepared = await BriRun.Of("tx", "prepare", "register-organization", "--node", node.Url, "--from", registrar.Address.ToString(), "--json", fields);
        Assert.True(prepared.Exit == 0, prepared.ToString());
        var typedData = JsonNode.Parse(prepared.Stdout)!.AsObject();
        var signed = Assert.Single(Ethers.Run([new JsonObject { ["op"] = "sign", ["privateKey"] = registrar.ExportHex(), ["typedData"] = typedData.DeepClone() }]));
        Assert.True(signed["error"] is null, $"ethers refused the prepared typed data: {signed["error"]}");
        var file = node.File("prepared.json");
        await File.WriteAllTextAsync(file, prepared.Stdout);

        var submitted = await BriRun.Of("tx", "submit", "--node", node.Url, "--typed-data", file, "--signature", (string)signed["signature"]!);

        Assert.True(submitted.Exit == 0, submitted.ToString());
        var hash = Hash256.Parse((string)JsonNode.Parse(submitted.Stdout)!["hash"]!);
        Assert.Equal(Hash256.Parse((string)signed["digest"]!), hash);
        using var http = new HttpClient();
        var receipt = await new BriClient(http, new Uri(node.Url)).WaitAsync(hash, TimeSpan.FromSeconds(60));
        Assert.Equal(TransactionStatus.Executed, receipt.Status);
        Assert.Equal(registrar.Address, receipt.From);
    }

    [Fact]
    public async Task Typed_data_signed_by_a_key_other_than_its_sender_is_refused_with_exit_1_and_the_code()
    {
        var registrar = KeyFile.Load(Registrar).Key;
        var fields = $$"""{"address":"{{TestKeys.FromLabel("impostor").Address}}","name":"Impostor","country":"{{RegistrarCountry}}","roles":["carrier"]}""";
        var prepared = await BriRun.Of("tx", "prepare", "register-organization", "--node", node.Url, "--from", registrar.Address.ToString(), "--json", fields);
        var file = node.File("impostor.json");
        await File.WriteAllTextAsync(file, prepared.Stdout);
        var otherKey = node.File("other-key.json");
        await BriRun.Of("keys", "new", "--out", otherKey);
        var signature = (await BriRun.Of("sign-typed-data", "--key", otherKey, "--typed-data", file)).Stdout.Trim();

        var submitted = await BriRun.Of("tx", "submit", "--node", node.Url, "--typed-data", file, "--signature", signature);

        Assert.Equal(1, submitted.Exit);
        Assert.Equal("", submitted.Stdout);
        Assert.StartsWith("bri: signer_mismatch: ", submitted.Stderr);
    }

    [Fact]
    public async Task Show_status_names_the_network_and_its_chain_id()
    {
        var run = await BriRun.Of("show", "status", "--node", node.Url);

        Assert.True(run.Exit == 0, run.ToString());
        var status = JsonNode.Parse(run.Stdout)!;
        var genesis = Genesis.Parse(await File.ReadAllTextAsync(Path.Combine(node.DataDirectory, "genesis.json")));
        Assert.Equal(genesis.ChainId, (ulong)status["chainId"]!);
        Assert.Equal(genesis.Network, (string?)status["network"]);
    }

    [Fact]
    public async Task Tail_prints_a_line_for_an_executed_epoch()
    {
        var (sender, _) = await RegisterAsync("Gwadar Port Services", "port");
        var tail = BriRun.Of("tail", "--node", node.Url, "--count", "1");
        // Keep transactions coming until tail has seen an epoch: a node may produce no epochs while idle.
        for (var i = 0; i < 30 && !tail.IsCompleted; i++)
        {
            var document = node.File($"tail-{i}.txt");
            await File.WriteAllTextAsync(document, $"tail document {i}");
            await BriRun.Of("document", "anchor", document, "--type", "CEO", "--node", node.Url, "--key", sender);
            await Task.WhenAny(tail, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        var run = await tail;

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Matches(@"^epoch \d+: \d+ blocks \(\d+ skipped\), \d+ executed, \d+ failed, state root 0x[0-9a-f]{64}$", run.Stdout.Trim());
    }

    [Fact]
    public async Task A_short_bench_ends_with_one_JSON_line_of_its_figures()
    {
        var run = await BriRun.Of("bench", "--node", node.Url, "--tx", "200", "--concurrency", "4", "--registrar", Registrar);

        Assert.True(run.Exit == 0, $"{run}\nnode log:\n{node.Log}");
        var figures = JsonNode.Parse(run.LastLine)!.AsObject();
        Assert.Equal(["tps", "p50_ms", "p99_ms", "recover_per_core_per_s", "ratio", "transactions", "failed", "batch", "warmup"], figures.Select(p => p.Key));
        Assert.Equal(200, (int)figures["transactions"]!);
        Assert.Equal(1, (int)figures["batch"]!);
        Assert.Equal(0, (int)figures["warmup"]!);
        Assert.Equal(0, (int)figures["failed"]!);
        Assert.True((double)figures["tps"]! > 0);
        Assert.True((double)figures["recover_per_core_per_s"]! > 0);
        Assert.True((double)figures["p99_ms"]! >= (double)figures["p50_ms"]!);
        Assert.Contains("bench: submitting with 4 concurrent workers", run.Stderr);
    }
}
