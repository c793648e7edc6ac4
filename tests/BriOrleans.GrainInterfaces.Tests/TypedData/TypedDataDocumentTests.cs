using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

public class TypedDataDocumentTests
{
    [Fact]
    public void ToJson_gives_the_standard_form_that_parses_to_the_same_digest()
    {
        var document = TypedDataDocument.Parse(OrderExample.Json);
        var json = document.ToJson();
        Assert.Equal(["types", "primaryType", "domain", "message"], json.Select(p => p.Key));
        Assert.Equal(["EIP712Domain", "Order", "Item"], json["types"]!.AsObject().Select(p => p.Key));
        Assert.Equal(Eip712.Digest(document), Eip712.Digest(TypedDataDocument.FromJson(json)));
    }

    [Fact]
    public void A_document_owns_copies_so_later_edits_to_the_source_do_not_change_it()
    {
        var tree = MailExample.Tree();
        var document = TypedDataDocument.FromJson(tree);
        tree["message"]!["contents"] = "Goodbye, Bob!";
        Assert.Equal(Hash256.Parse(MailExample.Digest), Eip712.Digest(document));
    }

    [Fact]
    public void A_document_built_in_code_derives_its_domain_type_and_sorts_its_types()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Person"] = [new("name", "string"), new("wallet", "address")],
            ["Mail"] = [new("from", "Person"), new("to", "Person"), new("contents", "string")],
        };
        var tree = MailExample.Tree();
        var document = new TypedDataDocument(types, "Mail", tree["domain"]!.AsObject().DeepClone().AsObject(), tree["message"]!.AsObject().DeepClone().AsObject());
        Assert.Equal(["EIP712Domain", "Mail", "Person"], document.Types.Keys);
        Assert.Equal(Hash256.Parse(MailExample.Digest), Eip712.Digest(document));
    }

    [Fact]
    public void Hashing_a_message_and_its_edit_gives_different_digests()
    {
        var original = TypedDataDocument.Parse(MailExample.Json);
        var edited = TypedDataDocument.Parse(MailExample.With(root => root["message"]!["contents"] = "Hello, Bob?"));
        Assert.NotEqual(Eip712.Digest(original), Eip712.Digest(edited));
    }

    [Fact]
    public void The_types_of_a_document_are_usable_for_hashing_its_parts()
    {
        var document = TypedDataDocument.Parse(MailExample.Json);
        var bob = document.Message["to"]!.AsObject();
        var expected = Keccak.Hash([
            .. Keccak.Hash("Person(string name,address wallet)"u8).ToArray(),
            .. Keccak.Hash("Bob"u8).ToArray(),
            .. new byte[12], .. Address.Parse("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB").ToArray(),
        ]);
        Assert.Equal(expected, Eip712.HashStruct(document.Types, "Person", bob));
        Assert.Equal(new JsonObject { ["name"] = "Bob", ["wallet"] = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" }.ToJsonString(), bob.ToJsonString());
    }
}
