using System.Text.Json;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

/// <summary>
/// Typed data read from a parsed <see cref="JsonElement"/>, as admission reads it: the same document as from a JSON
/// tree, whether its types are read for the first time or recognized by their text, and the same errors.
/// </summary>
public class TypedDataFromElementTests
{
    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void The_first_and_a_repeated_reading_give_the_digest_of_the_standard_example()
    {
        // The domain's name is unique to this test, but the cache is keyed by types and primary type only.
        var json = MailExample.With(root => root["domain"]!["name"] = "first and repeated");
        var expected = Eip712.Digest(TypedDataDocument.Parse(json));

        var first = TypedDataDocument.FromJson(Element(json));
        var again = TypedDataDocument.FromJson(Element(json));

        Assert.Equal(expected, Eip712.Digest(first));
        Assert.Equal(expected, Eip712.Digest(again));
        Assert.Equal(first.Types.Keys, again.Types.Keys);
        Assert.Equal("Mail", again.PrimaryType);
    }

    [Fact]
    public void A_document_read_from_an_element_owns_a_copy_that_outlives_the_parsed_document()
    {
        TypedDataDocument document;
        using (var parsed = JsonDocument.Parse(MailExample.Json))
        {
            TypedDataDocument.FromJson(parsed.RootElement);
            document = TypedDataDocument.FromJson(parsed.RootElement);
        }

        Assert.Equal(Hash256.Parse(MailExample.Digest), Eip712.Digest(document));
        Assert.Equal("Hello, Bob!", (string?)document.Message["contents"]);
    }

    [Fact]
    public void Known_types_still_check_the_domain_against_the_declared_domain_type()
    {
        TypedDataDocument.FromJson(Element(MailExample.Json));
        var json = MailExample.With(root => root["domain"]!.AsObject().Remove("version"));

        var refused = Assert.Throws<TypedDataException>(() => TypedDataDocument.FromJson(Element(json)));

        Assert.Equal("domain.version", refused.Path);
    }

    [Fact]
    public void Known_types_under_another_primary_type_are_checked_for_that_primary_type()
    {
        TypedDataDocument.FromJson(Element(MailExample.Json));
        var json = MailExample.With(root => root["primaryType"] = "Person");

        var refused = Assert.Throws<TypedDataException>(() => TypedDataDocument.FromJson(Element(json)));

        Assert.Equal("types.Mail", refused.Path);
    }

    [Theory]
    [InlineData("[1, 2]", "")]
    [InlineData("""{"types": {}, "primaryType": "Mail", "domain": {}, "message": {}, "extra": 1}""", "extra")]
    [InlineData("""{"types": [], "primaryType": "Mail", "domain": {}, "message": {}}""", "types")]
    public void Malformed_typed_data_is_refused_as_from_a_tree(string json, string path)
    {
        var fromTree = Assert.Throws<TypedDataException>(() => TypedDataDocument.FromJson(JsonNode.Parse(json)));
        var fromElement = Assert.Throws<TypedDataException>(() => TypedDataDocument.FromJson(Element(json)));

        Assert.Equal(path, fromElement.Path);
        Assert.Equal(fromTree.Path, fromElement.Path);
        Assert.Equal(fromTree.Message, fromElement.Message);
    }
}
