using System.Runtime.Versioning;
using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces.Tests.Sdk;

[UnsupportedOSPlatform("windows")]
public sealed class KeyFileTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_saved_key_file_loads_as_the_same_key_with_the_development_note()
    {
        var path = _directory.File("key.json");
        new KeyFile(TestKeys.Cow).Save(path, overwrite: false);
        var loaded = KeyFile.Load(path);
        Assert.Equal(TestKeys.CowAddress, loaded.Address);
        Assert.Equal(TestKeys.Cow.ExportHex(), loaded.Key.ExportHex());
        Assert.Equal(KeyFile.DevelopmentNote, loaded.Note);
    }

    [Fact]
    public void The_file_holds_address_private_key_and_note()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(new KeyFile(TestKeys.One).ToJson())!.AsObject();
        Assert.Equal(["address", "privateKey", "note"], json.Select(p => p.Key));
        Assert.Equal("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", (string?)json["address"]);
        Assert.Equal("0x" + new string('0', 63) + "1", (string?)json["privateKey"]);
        Assert.Contains("never use it for real assets or in production", (string?)json["note"]);
    }

    [Fact]
    public void A_saved_key_file_is_readable_and_writable_by_its_owner_only()
    {
        var path = _directory.File("key.json");
        new KeyFile(TestKeys.Cow).Save(path, overwrite: false);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Replacing_a_world_readable_file_narrows_it_to_the_owner()
    {
        var path = _directory.File("key.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        new KeyFile(TestKeys.Cow).Save(path, overwrite: true);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(TestKeys.CowAddress, KeyFile.Load(path).Address);
    }

    [Fact]
    public void Saving_over_an_existing_file_without_overwrite_is_refused_and_keeps_it()
    {
        var path = _directory.File("key.json");
        new KeyFile(TestKeys.Cow).Save(path, overwrite: false);
        Assert.Throws<IOException>(() => new KeyFile(TestKeys.One).Save(path, overwrite: false));
        Assert.Equal(TestKeys.CowAddress, KeyFile.Load(path).Address);
    }

    [Fact]
    public void A_missing_key_file_is_named()
    {
        var path = _directory.File("absent.json");
        var error = Assert.Throws<FileNotFoundException>(() => KeyFile.Load(path));
        Assert.Contains($"key file '{path}' does not exist", error.Message);
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("{\"address\": \"0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf\"}", "missing privateKey")]
    [InlineData("{\"address\": \"0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf\", \"privateKey\": \"0x00\"}", "privateKey: a private key is 0x followed by 64 hex digits")]
    [InlineData("{\"address\": \"0x7E5F4552091A69125d5DfCb7b8C2659029395BDf\", \"privateKey\": \"0x0000000000000000000000000000000000000000000000000000000000000001\"}", "address: address '0x7E5F4552091A69125d5DfCb7b8C2659029395BDf' mixes upper and lower case")]
    [InlineData("{\"address\": \"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\", \"privateKey\": \"0x0000000000000000000000000000000000000000000000000000000000000001\"}", "is not the address of its private key")]
    public void A_malformed_key_file_is_refused_naming_the_file_and_the_problem(string json, string problem)
    {
        var error = Assert.Throws<FormatException>(() => KeyFile.Parse(json, "alice.json"));
        Assert.Contains("key file 'alice.json'", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
