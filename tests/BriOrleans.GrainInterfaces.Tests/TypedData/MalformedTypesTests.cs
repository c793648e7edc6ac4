using System.Text.Json.Nodes;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

/// <summary>Malformed documents and type definitions are refused when parsed, with an error naming the path.</summary>
public class MalformedTypesTests
{
    private static TypedDataException Refused(string json) => Assert.Throws<TypedDataException>(() => TypedDataDocument.Parse(json));

    private static JsonArray Fields(params (string Name, string Type)[] fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);

    private static string MailWithType(int field, string type) => MailExample.With(root => root["types"]!["Mail"]![field]!["type"] = type);

    [Theory]
    [InlineData("Persn", "unknown type 'Persn'")]
    [InlineData("Persn[]", "unknown type 'Persn'")]
    [InlineData("uint", "unknown type 'uint': EIP-712 has no alias, write uint256")]
    [InlineData("int", "write int256")]
    [InlineData("uint7", "uintN and intN take N from 8 to 256 in steps of 8")]
    [InlineData("int264", "uintN and intN take N from 8 to 256 in steps of 8")]
    [InlineData("uint08", "uintN and intN take N from 8 to 256")]
    [InlineData("bytes0", "bytesN takes N from 1 to 32")]
    [InlineData("bytes33", "bytesN takes N from 1 to 32")]
    [InlineData("Person[0]", "a fixed array length is a whole number from 1")]
    [InlineData("Person[02]", "without leading zeros")]
    [InlineData("Person[x]", "a fixed array length is a whole number")]
    [InlineData("[2]", "an array type is T[] or T[n]")]
    [InlineData("Person]", "an array type is T[] or T[n]")]
    [InlineData("Per son", "a struct name is an identifier")]
    public void A_bad_field_type_is_refused_naming_the_field(string type, string problem)
    {
        var error = Refused(MailWithType(1, type));
        Assert.Equal("types.Mail[1].type", error.Path);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_duplicate_field_name_is_refused()
    {
        var error = Refused(MailExample.With(root => root["types"]!["Mail"]![1]!["name"] = "from"));
        Assert.Equal("types.Mail[1].name", error.Path);
        Assert.Contains("duplicate field name 'from' in type 'Mail'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("to,cc")]
    [InlineData("1st")]
    public void A_field_name_that_is_not_an_identifier_is_refused(string name)
    {
        var error = Refused(MailExample.With(root => root["types"]!["Mail"]![1]!["name"] = name));
        Assert.Equal("types.Mail[1].name", error.Path);
        Assert.Contains("a field name is an identifier", error.Message);
    }

    [Fact]
    public void Mutually_recursive_types_are_refused_as_circular()
    {
        var error = Refused(MailExample.With(root => root["types"]!["Person"]!.AsArray().Add(new JsonObject { ["name"] = "last", ["type"] = "Mail" })));
        Assert.Equal("types.Person[2].type", error.Path);
        Assert.Contains("circular type reference Mail -> Person -> Mail", error.Message);
    }

    [Fact]
    public void A_type_containing_an_array_of_itself_is_refused_as_circular()
    {
        var error = Refused(MailExample.With(root => root["types"]!["Person"]!.AsArray().Add(new JsonObject { ["name"] = "children", ["type"] = "Person[]" })));
        Assert.Equal("types.Person[2].type", error.Path);
        Assert.Contains("circular type reference Person -> Person", error.Message);
    }

    [Fact]
    public void A_type_the_primary_type_does_not_use_is_refused_as_ethers_refuses_it()
    {
        var error = Refused(MailExample.With(root => root["types"]!["Attachment"] = Fields(("name", "string"))));
        Assert.Equal("types.Attachment", error.Path);
        Assert.Contains("type 'Attachment' is not used by primary type 'Mail'", error.Message);
    }

    [Fact]
    public void A_primary_type_that_others_use_leaves_its_user_unused()
    {
        var error = Refused(MailExample.With(root => root["primaryType"] = "Person"));
        Assert.Equal("types.Mail", error.Path);
    }

    [Theory]
    [InlineData("Letter", "unknown type 'Letter'")]
    [InlineData("EIP712Domain", "the primary type is the message's type, not EIP712Domain")]
    public void A_primary_type_that_is_not_a_message_type_is_refused(string primaryType, string problem)
    {
        var error = Refused(MailExample.With(root => root["primaryType"] = primaryType));
        Assert.Equal("primaryType", error.Path);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_struct_named_like_an_atomic_type_is_refused()
    {
        var error = Refused(MailExample.With(root => root["types"]!["uint"] = Fields(("v", "bool"))));
        Assert.Equal("types.uint", error.Path);
        Assert.Contains("a struct cannot be named 'uint'", error.Message);
    }

    [Fact]
    public void The_domain_type_cannot_be_a_field_type()
    {
        var error = Refused(MailExample.With(root => root["types"]!["Mail"]![2]!["type"] = "EIP712Domain"));
        Assert.Equal("types.Mail[2].type", error.Path);
        Assert.Contains("cannot be a field type", error.Message);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "typed data is a JSON object")]
    [InlineData("null", "typed data is a JSON object")]
    [InlineData("{\"types\": {}, \"types\": {}}", "not valid JSON")]
    [InlineData("{\"types\": {}, \"\\ud800\": 1}", "escapes an unpaired UTF-16 surrogate")]
    public void Text_that_is_not_a_typed_data_object_is_refused(string json, string problem)
    {
        var error = Refused(json);
        Assert.Equal("", error.Path);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Text_with_an_unpaired_surrogate_is_refused_before_it_could_be_replaced()
    {
        // Built at run time: a test attribute's strings are stored as UTF-8, which cannot carry the lone surrogate.
        var error = Refused("{\"primaryType\": \"Mail" + '\ud800' + "\"}");
        Assert.Equal("", error.Path);
        Assert.Contains("the text contains an unpaired UTF-16 surrogate", error.Message);
    }

    [Theory]
    [InlineData("types")]
    [InlineData("primaryType")]
    [InlineData("domain")]
    [InlineData("message")]
    public void A_missing_top_level_member_is_refused_naming_it(string key)
    {
        var error = Refused(MailExample.With(root => root.Remove(key)));
        Assert.Equal(key, error.Path);
        Assert.Contains($"missing '{key}'", error.Message);
    }

    [Fact]
    public void An_unknown_top_level_member_is_refused()
    {
        var error = Refused(MailExample.With(root => root["signature"] = "0x00"));
        Assert.Equal("signature", error.Path);
        Assert.Contains("unknown key 'signature'", error.Message);
    }

    [Theory]
    [InlineData("message", "[]", "expected an object, got an array")]
    [InlineData("domain", "\"Ether Mail\"", "expected an object, got a string")]
    [InlineData("types", "[]", "expected an object of type definitions")]
    [InlineData("primaryType", "7", "expected the name of a type, got a number")]
    public void A_top_level_member_of_the_wrong_kind_is_refused(string key, string valueJson, string problem)
    {
        var error = Refused(MailExample.With(root => root[key] = JsonNode.Parse(valueJson)));
        Assert.Equal(key, error.Path);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("{\"name\": \"to\"}", "types.Mail[1].type", "expected the field's type, got null")]
    [InlineData("{\"name\": \"to\", \"type\": \"Person\", \"indexed\": true}", "types.Mail[1].indexed", "unknown key 'indexed'")]
    [InlineData("\"Person to\"", "types.Mail[1]", "a field is {\"name\": ..., \"type\": ...}")]
    public void A_malformed_field_definition_is_refused(string fieldJson, string path, string problem)
    {
        var error = Refused(MailExample.With(root => root["types"]!["Mail"]![1] = JsonNode.Parse(fieldJson)));
        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Message);
    }
}
