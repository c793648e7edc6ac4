using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

public class DomainTypeTests
{
    private static TypedDataException Refused(string json) => Assert.Throws<TypedDataException>(() => TypedDataDocument.Parse(json));

    [Fact]
    public void An_omitted_domain_type_is_derived_in_the_standard_order_whatever_the_key_order()
    {
        var json = MailExample.With(root =>
        {
            root["types"]!.AsObject().Remove("EIP712Domain");
            root["domain"] = new JsonObject
            {
                ["verifyingContract"] = "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC",
                ["chainId"] = 1,
                ["version"] = "1",
                ["name"] = "Ether Mail",
            };
        });
        var document = TypedDataDocument.Parse(json);
        Assert.Equal(["name", "version", "chainId", "verifyingContract"], document.Types["EIP712Domain"].Select(f => f.Name));
        Assert.Equal(Hash256.Parse(MailExample.Digest), Eip712.Digest(document));
    }

    [Fact]
    public void Every_standard_domain_field_including_salt_can_be_used()
    {
        var salt = "0x" + new string('a', 64);
        var document = TypedDataDocument.Parse(MailExample.With(root =>
        {
            root["types"]!.AsObject().Remove("EIP712Domain");
            root["domain"]!["salt"] = salt;
        }));
        Assert.Equal(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)",
            Eip712.EncodeType(document.Types, "EIP712Domain"));
        Assert.NotEqual(Hash256.Parse(MailExample.DomainSeparator), Eip712.DomainSeparator(document));
    }

    [Fact]
    public void An_empty_domain_hashes_as_an_EIP712Domain_without_fields()
    {
        var document = TypedDataDocument.Parse(MailExample.With(root =>
        {
            root["types"]!.AsObject().Remove("EIP712Domain");
            root["domain"] = new JsonObject();
        }));
        Assert.Empty(document.Types["EIP712Domain"]);
        Assert.Equal(Keccak.Hash(Keccak.Hash("EIP712Domain()"u8).ToArray()), Eip712.DomainSeparator(document));
    }

    [Fact]
    public void A_domain_key_outside_the_standard_five_is_refused()
    {
        var error = Refused(MailExample.With(root => root["domain"]!["network"] = "main"));
        Assert.Equal("domain.network", error.Path);
        Assert.Contains("'network' is not an EIP-712 domain field (name, version, chainId, verifyingContract, salt)", error.Message);
    }

    [Fact]
    public void A_null_domain_value_is_refused()
    {
        var error = Refused(MailExample.With(root =>
        {
            root["types"]!.AsObject().Remove("EIP712Domain");
            root["domain"]!["version"] = null;
        }));
        Assert.Equal("domain.version", error.Path);
        Assert.Contains("leave it out", error.Message);
    }

    [Fact]
    public void A_declared_domain_type_out_of_the_standard_order_is_refused_because_ethers_would_sign_another_digest()
    {
        var error = Refused(MailExample.With(root =>
        {
            var fields = root["types"]!["EIP712Domain"]!.AsArray();
            var name = fields[0]!;
            fields.RemoveAt(0);
            fields.Insert(1, name);
        }));
        Assert.Equal("types.EIP712Domain[1].name", error.Path);
        Assert.Contains("domain fields go in the order name, version, chainId, verifyingContract, salt", error.Message);
    }

    [Fact]
    public void A_declared_domain_field_with_a_non_standard_type_is_refused()
    {
        var error = Refused(MailExample.With(root => root["types"]!["EIP712Domain"]![2]!["type"] = "uint64"));
        Assert.Equal("types.EIP712Domain[2].type", error.Path);
        Assert.Contains("domain field 'chainId' has type uint256, not uint64", error.Message);
    }

    [Fact]
    public void A_declared_domain_field_missing_from_the_domain_is_refused()
    {
        var error = Refused(MailExample.With(root => root["domain"]!.AsObject().Remove("version")));
        Assert.Equal("domain.version", error.Path);
        Assert.Contains("missing field 'version' declared in type 'EIP712Domain'", error.Message);
    }

    [Fact]
    public void A_domain_value_the_declared_type_lacks_is_refused()
    {
        var error = Refused(MailExample.With(root => root["domain"]!["salt"] = "0x" + new string('0', 64)));
        Assert.Equal("domain.salt", error.Path);
        Assert.Contains("field 'salt' is not in type 'EIP712Domain'", error.Message);
    }
}
