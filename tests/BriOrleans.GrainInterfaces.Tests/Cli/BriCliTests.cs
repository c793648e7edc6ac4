using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using BriOrleans.Cli;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces.Tests.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.Cli;

/// <summary>The bri commands run in-process: output, exit codes, and the errors they print.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class BriCliTests : IDisposable
{
    private static readonly string s_standardSignature = MailExample.SignatureR + MailExample.SignatureS[2..] + "1c";

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static (int Exit, string Stdout, string Stderr) Bri(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = BriCli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = _directory.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string CowKeyFile()
    {
        var path = _directory.File("cow.json");
        new KeyFile(TestKeys.Cow).Save(path, overwrite: false);
        return path;
    }

    [Fact]
    public void Keys_new_writes_an_owner_only_key_file_and_prints_its_address()
    {
        var path = _directory.File("key.json");
        var (exit, stdout, stderr) = Bri("keys", "new", "--out", path);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(KeyFile.Load(path).Address.ToString(), stdout.Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Keys_new_refuses_to_replace_a_file_unless_forced()
    {
        var path = _directory.File("key.json");
        Assert.Equal(0, Bri("keys", "new", "--out", path).Exit);
        var first = KeyFile.Load(path).Address;

        var (exit, stdout, stderr) = Bri("keys", "new", "--out", path);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"key file '{path}' already exists: pass --force", stderr);
        Assert.Equal(first, KeyFile.Load(path).Address);

        var forced = Bri("keys", "new", "--out", path, "--force");
        Assert.Equal(0, forced.Exit);
        Assert.NotEqual(first, KeyFile.Load(path).Address);
    }

    [Fact]
    public void Sign_typed_data_prints_the_standard_signature_of_the_Mail_example()
    {
        var (exit, stdout, stderr) = Bri("sign-typed-data", "--key", CowKeyFile(), "--typed-data", Write("mail.json", MailExample.Json));
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(s_standardSignature, stdout.Trim());
    }

    [Fact]
    public void Verify_typed_data_prints_the_signer_and_digest_as_JSON()
    {
        var (exit, stdout, stderr) = Bri("verify-typed-data", "--typed-data", Write("mail.json", MailExample.Json), "--signature", s_standardSignature);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var result = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["signer", "digest"], result.Select(p => p.Key));
        Assert.Equal(TestKeys.CowAddress.ToString(), (string?)result["signer"]);
        Assert.Equal(MailExample.Digest, (string?)result["digest"]);
    }

    [Fact]
    public void A_new_key_signs_what_verify_then_attributes_to_it()
    {
        var key = _directory.File("key.json");
        var address = Bri("keys", "new", "--out", key).Stdout.Trim();
        var order = Write("order.json", OrderExample.Json);
        var signature = Bri("sign-typed-data", "--key", key, "--typed-data", order).Stdout.Trim();
        var verified = JsonNode.Parse(Bri("verify-typed-data", "--typed-data", order, "--signature", signature).Stdout)!;
        Assert.Equal(address, (string?)verified["signer"]);
    }

    [Fact]
    public void A_signature_with_v_0_or_1_verifies_like_27_or_28()
    {
        var zeroBased = s_standardSignature[..^2] + "01";
        var (exit, stdout, _) = Bri("verify-typed-data", "--typed-data", Write("mail.json", MailExample.Json), "--signature", zeroBased);
        Assert.Equal(0, exit);
        Assert.Equal(TestKeys.CowAddress.ToString(), (string?)JsonNode.Parse(stdout)!["signer"]);
    }

    [Fact]
    public void Typed_data_that_is_not_JSON_exits_2_naming_the_file()
    {
        var path = Write("broken.json", "{\"types\": ");
        var (exit, stdout, stderr) = Bri("sign-typed-data", "--key", CowKeyFile(), "--typed-data", path);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"typed data file '{path}': typed data is not valid JSON", stderr);
    }

    [Fact]
    public void Malformed_typed_data_exits_2_naming_the_file_and_the_field()
    {
        var path = Write("bad.json", MailExample.With(root => root["message"]!["to"]!["wallet"] = "0x1234"));
        var (exit, stdout, stderr) = Bri("verify-typed-data", "--typed-data", path, "--signature", s_standardSignature);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"typed data file '{path}': message.to.wallet: an address is 0x followed by 40 hex digits", stderr);
    }

    [Theory]
    [InlineData("0x1234", "--signature: a signature is 0x followed by 130 hex digits")]
    [InlineData("not-hex", "--signature: a signature is 0x followed by 130 hex digits")]
    public void A_malformed_signature_exits_2_naming_the_option(string signature, string problem)
    {
        var (exit, _, stderr) = Bri("verify-typed-data", "--typed-data", Write("mail.json", MailExample.Json), "--signature", signature);
        Assert.Equal(2, exit);
        Assert.Contains(problem, stderr);
    }

    [Fact]
    public void A_signature_that_matches_no_key_exits_2()
    {
        // r = 5 is the x of no curve point.
        var signature = "0x" + new string('0', 63) + "5" + MailExample.SignatureS[2..] + "1c";
        var (exit, stdout, stderr) = Bri("verify-typed-data", "--typed-data", Write("mail.json", MailExample.Json), "--signature", signature);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--signature: the signature matches no public key", stderr);
    }

    [Fact]
    public void A_missing_typed_data_file_exits_2_naming_it()
    {
        var path = _directory.File("absent.json");
        var (exit, _, stderr) = Bri("sign-typed-data", "--key", CowKeyFile(), "--typed-data", path);
        Assert.Equal(2, exit);
        Assert.Contains($"typed data file '{path}' does not exist", stderr);
    }

    [Fact]
    public void A_missing_or_malformed_key_file_exits_2_naming_it()
    {
        var mail = Write("mail.json", MailExample.Json);
        var absent = _directory.File("absent-key.json");
        var missing = Bri("sign-typed-data", "--key", absent, "--typed-data", mail);
        Assert.Equal(2, missing.Exit);
        Assert.Contains($"key file '{absent}' does not exist", missing.Stderr);

        var broken = Write("broken-key.json", "{\"privateKey\": \"0x00\"}");
        var malformed = Bri("sign-typed-data", "--key", broken, "--typed-data", mail);
        Assert.Equal(2, malformed.Exit);
        Assert.Contains($"key file '{broken}'", malformed.Stderr);
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "keys", "new" }, "Option '--out' is required")]
    [InlineData(new[] { "sign-typed-data", "--typed-data", "x.json" }, "Option '--key' is required")]
    [InlineData(new[] { "keys", "new", "--out", "k.json", "--colour", "blue" }, "Unrecognized command or argument '--colour'")]
    [InlineData(new[] { "launch" }, "Unrecognized command or argument 'launch'")]
    public void A_usage_error_exits_2_with_the_problem_on_stderr(string[] args, string problem)
    {
        var (exit, stdout, stderr) = Bri(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(problem, stderr);
        Assert.Contains("run 'bri --help' for usage", stderr);
    }

    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var (exit, stdout, _) = Bri("--help");
        Assert.Equal(0, exit);
        Assert.Contains("keys", stdout);
        Assert.Contains("sign-typed-data", stdout);
        Assert.Contains("verify-typed-data", stdout);
    }

    [Fact]
    public void The_signature_printed_by_sign_parses_as_r_s_v_with_v_27_or_28()
    {
        var signature = Signature.Parse(Bri("sign-typed-data", "--key", CowKeyFile(), "--typed-data", Write("o.json", OrderExample.Json)).Stdout.Trim());
        Assert.Contains(signature.V, new byte[] { 27, 28 });
    }
}
