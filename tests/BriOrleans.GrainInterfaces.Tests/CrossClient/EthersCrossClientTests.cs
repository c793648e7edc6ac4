using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces.Tests.TypedData;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.CrossClient;

/// <summary>
/// EIP-712 here and in ethers 6 agree: on the Mail example, and on several hundred random documents in each
/// direction. A failure names the case's seed; <c>new TypedDataGenerator(seed)</c> rebuilds that case.
/// </summary>
public class EthersCrossClientTests
{
    private const int CasesPerDirection = 300;

    private static (TypedDataGenerator Generator, PrivateKey Key, JsonObject TypedData)[] Cases(int firstSeed) =>
    [
        .. Enumerable.Range(firstSeed, CasesPerDirection).Select(seed =>
        {
            var generator = new TypedDataGenerator(seed);
            return (generator, generator.NextKey(), generator.NextDocument());
        }),
    ];

    private static string Describe(int seed, JsonObject typedData) =>
        $"case seed {seed} (replay with new TypedDataGenerator({seed})): {typedData.ToJsonString()}";

    [Fact]
    public void Typed_data_signed_by_ethers_recovers_here_to_the_same_signer_and_digest()
    {
        var cases = Cases(firstSeed: 712_000);
        var results = Ethers.Run(cases.Select(c => new JsonObject
        {
            ["op"] = "sign",
            ["privateKey"] = c.Key.ExportHex(),
            ["typedData"] = c.TypedData.DeepClone(),
        }));
        for (var i = 0; i < cases.Length; i++)
        {
            var (generator, key, typedData) = cases[i];
            var result = results[i];
            var context = Describe(generator.Seed, typedData);
            Assert.True(result["error"] is null, $"ethers refused {context}: {result["error"]}");
            var digest = Eip712.Digest(TypedDataDocument.FromJson(typedData));
            Assert.True(digest == Hash256.Parse((string)result["digest"]!), $"digest {digest} here, {result["digest"]} in ethers for {context}");
            var signature = Signature.Parse((string)result["signature"]!);
            var signer = signature.RecoverSigner(digest);
            Assert.True(signer == key.Address && signer == Address.Parse((string)result["signer"]!),
                $"recovered {signer} here, ethers signed as {result["signer"]}, key is {key.Address}, for {context}");
            Assert.True(signature.Equals(key.Sign(digest)), $"ethers signed {signature}, here {key.Sign(digest)} (RFC 6979 should agree) for {context}");
        }
    }

    [Fact]
    public void Typed_data_signed_here_verifies_in_ethers_with_the_same_signer_and_digest()
    {
        var cases = Cases(firstSeed: 1_712_000);
        var signed = cases.Select(c =>
        {
            var digest = Eip712.Digest(TypedDataDocument.FromJson(c.TypedData));
            return (Digest: digest, Signature: c.Key.Sign(digest));
        }).ToArray();
        var results = Ethers.Run(cases.Select((c, i) => new JsonObject
        {
            ["op"] = "verify",
            ["typedData"] = c.TypedData.DeepClone(),
            ["signature"] = signed[i].Signature.ToString(),
        }));
        for (var i = 0; i < cases.Length; i++)
        {
            var (generator, key, typedData) = cases[i];
            var result = results[i];
            var context = Describe(generator.Seed, typedData);
            Assert.True(result["error"] is null, $"ethers refused {context}: {result["error"]}");
            Assert.True(Hash256.Parse((string)result["digest"]!) == signed[i].Digest, $"digest {signed[i].Digest} here, {result["digest"]} in ethers for {context}");
            Assert.True(Address.Parse((string)result["signer"]!) == key.Address, $"ethers recovered {result["signer"]}, the signer is {key.Address}, for {context}");
        }
    }

    [Fact]
    public void Ethers_signs_the_Mail_example_as_the_standard_does_and_recovers_the_standard_signature()
    {
        var standardSignature = MailExample.SignatureR + MailExample.SignatureS[2..] + "1c";
        var results = Ethers.Run(
        [
            new JsonObject { ["op"] = "sign", ["privateKey"] = TestKeys.Cow.ExportHex(), ["typedData"] = MailExample.Tree() },
            new JsonObject { ["op"] = "verify", ["typedData"] = MailExample.Tree(), ["signature"] = standardSignature },
        ]);
        Assert.Equal(standardSignature, (string?)results[0]["signature"]);
        Assert.Equal(MailExample.Digest, (string?)results[0]["digest"]);
        Assert.Equal(TestKeys.CowAddress.ToString(), (string?)results[1]["signer"]);
        Assert.Equal(MailExample.Digest, (string?)results[1]["digest"]);
    }

    [Fact]
    public void Without_ethers_installed_the_check_fails_and_says_to_run_setup()
    {
        var empty = Directory.CreateTempSubdirectory("bri-no-ethers-");
        try
        {
            var error = Assert.Throws<Xunit.Sdk.FailException>(() => Ethers.Run([], empty.FullName));
            Assert.Contains("run ./scripts/setup.sh", error.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_generator_replays_a_seed_exactly()
    {
        var first = new TypedDataGenerator(42);
        var second = new TypedDataGenerator(42);
        Assert.Equal(first.NextKey().Address, second.NextKey().Address);
        Assert.Equal(first.NextDocument().ToJsonString(), second.NextDocument().ToJsonString());
    }
}
