using BriOrleans.GrainInterfaces.Tests;
using BriOrleans.Crypto;
using BriOrleans.Transactions;

namespace BriOrleans.Clients.Tests.Cli;

/// <summary><c>bri tx</c> without a node: the kinds list, and every input error caught before the node is asked.</summary>
public sealed class TxCommandTests : IDisposable
{
    private const string Organization = "0x00000000000000000000000000000000000000b2";
    private const string ValidFields = $$"""{"address":"{{Organization}}","name":"Silk Road Carrier","country":"CN","roles":["carrier"]}""";

    // Nothing listens here: a command that reached the node would exit 3, not 2.
    private readonly string _deadNode = ClosedPort.Url();
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Task<BriRun> Prepare(string kind, string fields, string from = "0x00000000000000000000000000000000000000a1") =>
        BriRun.Of("tx", "prepare", kind, "--node", _deadNode, "--from", from, "--json", fields);

    [Fact]
    public async Task Kinds_lists_every_kind_once_with_its_fields_without_from_and_nonce()
    {
        var run = await BriRun.Of("tx", "kinds");

        Assert.Equal(0, run.Exit);
        var kindLines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith(' ')).ToList();
        Assert.Equal(TransactionCatalog.All.Select(k => k.Name), kindLines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains("register-organization: RegisterOrganization(address address, string name, string country, string[] roles, string lei?)", kindLines);
        Assert.Contains("anchor-document: AnchorDocument(string documentTypeCode, bytes32 documentHash, string shipmentId?, string uri?)", kindLines);
        Assert.DoesNotContain("nonce", run.Stdout);
    }

    [Fact]
    public async Task Kinds_lists_the_structs_a_kind_uses_under_it()
    {
        var lines = (await BriRun.Of("tx", "kinds")).Stdout.Split('\n');

        var shipment = Array.FindIndex(lines, l => l.StartsWith("create-shipment:", StringComparison.Ordinal));
        Assert.Equal("    Goods(bytes32 descriptionHash, string[] hsCodes, uint256 declaredValue, string currency)", lines[shipment + 1]);
    }

    [Theory]
    [InlineData("launch-rocket", ValidFields, "'launch-rocket' is not a transaction kind; 'bri tx kinds' lists them")]
    [InlineData("register-organization", """{"address":"0x00000000000000000000000000000000000000b2","name":"A","country":"CN"}""",
        "--json: message.roles: missing field 'roles' of RegisterOrganization")]
    [InlineData("register-organization", """{"address":"0x00000000000000000000000000000000000000b2","name":"A","country":"CN","roles":[],"colour":"red"}""",
        "--json: message.colour: RegisterOrganization has no field 'colour' to fill in")]
    [InlineData("register-organization", """{"address":"0x00000000000000000000000000000000000000b2","name":"A","country":"CN","roles":[],"nonce":4}""",
        "--json: message.nonce: RegisterOrganization has no field 'nonce' to fill in")]
    [InlineData("register-organization", """{"address":"0x12","name":"A","country":"CN","roles":[]}""", "--json: message.address:")]
    [InlineData("register-organization", """{"address":"0x00000000000000000000000000000000000000b2","name":7,"country":"CN","roles":[]}""", "--json: message.name:")]
    [InlineData("register-organization", "{\"address\": ", "--json: not valid JSON")]
    [InlineData("register-organization", "[1, 2]", "--json: the fields are a JSON object")]
    public async Task Prepare_refuses_bad_input_with_exit_2_before_asking_the_node(string kind, string fields, string problem)
    {
        var run = await Prepare(kind, fields);

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Stdout);
        Assert.Contains($"bri: {problem}", run.Stderr);
    }

    [Fact]
    public async Task Prepare_names_a_malformed_sender_address()
    {
        var run = await Prepare("register-organization", ValidFields, from: "0xnot-an-address");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("bri: --from: ", run.Stderr);
    }

    [Fact]
    public async Task Fields_can_come_from_a_file_and_a_missing_one_is_named()
    {
        var path = _directory.File("fields.json");
        await File.WriteAllTextAsync(path, """{"address":"0x00000000000000000000000000000000000000b2","name":"A","country":"CN"}""");

        var fromFile = await Prepare("register-organization", "@" + path);
        var missing = await Prepare("register-organization", "@" + _directory.File("absent.json"));

        Assert.Equal(2, fromFile.Exit);
        Assert.Contains("--json: message.roles: missing field 'roles'", fromFile.Stderr);
        Assert.Equal(2, missing.Exit);
        Assert.Contains($"--json: file '{_directory.File("absent.json")}' does not exist", missing.Stderr);
    }

    [Fact]
    public async Task A_node_URL_that_is_not_http_exits_2()
    {
        var run = await BriRun.Of("tx", "prepare", "register-organization", "--node", "127.0.0.1:8545",
            "--from", Organization, "--json", ValidFields);

        Assert.Equal(2, run.Exit);
        Assert.Contains("bri: --node: '127.0.0.1:8545' is not an http(s) URL", run.Stderr);
    }

    [Fact]
    public async Task Valid_input_and_no_node_listening_exits_3_naming_the_node()
    {
        var run = await Prepare("register-organization", ValidFields);

        Assert.Equal(3, run.Exit);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith($"bri: cannot reach the node at {_deadNode}/", run.Stderr);
    }

    [Fact]
    public async Task Submit_refuses_malformed_typed_data_and_signatures_with_exit_2()
    {
        var broken = _directory.File("broken.json");
        await File.WriteAllTextAsync(broken, "{\"types\": ");
        var good = _directory.File("good.json");
        TransactionCatalog.TryGet("reinstate-organization", out var kind);
        await File.WriteAllTextAsync(good, kind.Prepare(new() { ["address"] = Organization }, Address.Parse(Organization), 0, 1).ToJson().ToJsonString());
        var signature = "0x" + new string('1', 130);

        var badFile = await BriRun.Of("tx", "submit", "--node", _deadNode, "--typed-data", broken, "--signature", signature);
        var badSignature = await BriRun.Of("tx", "submit", "--node", _deadNode, "--typed-data", good, "--signature", "0x1234");

        Assert.Equal(2, badFile.Exit);
        Assert.Contains($"typed data file '{broken}'", badFile.Stderr);
        Assert.Equal(2, badSignature.Exit);
        Assert.Contains("--signature: a signature is 0x followed by 130 hex digits", badSignature.Stderr);
    }

    [Fact]
    public async Task Send_names_a_missing_key_file_with_exit_2()
    {
        var key = _directory.File("absent-key.json");

        var run = await BriRun.Of("tx", "send", "register-organization", "--node", _deadNode, "--key", key, "--json", ValidFields);

        Assert.Equal(2, run.Exit);
        Assert.Contains($"key file '{key}' does not exist", run.Stderr);
    }

    [Theory]
    [InlineData(new[] { "tx", "prepare", "register-organization", "--json", "{}" }, "Option '--from' is required")]
    [InlineData(new[] { "tx", "send", "anchor-document", "--json", "{}" }, "Option '--key' is required")]
    [InlineData(new[] { "tx", "submit", "--signature", "0x" }, "Option '--typed-data' is required")]
    [InlineData(new[] { "tx", "prepare", "--from", "0x", "--json", "{}" }, "Required argument missing for command: 'prepare'")]
    public async Task A_usage_error_exits_2(string[] args, string problem)
    {
        var run = await BriRun.Of(args);

        Assert.Equal(2, run.Exit);
        Assert.Contains(problem, run.Stderr);
    }
}
