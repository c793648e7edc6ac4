using BriOrleans.TypedData;

namespace BriOrleans.GrainInterfaces.Tests.TypedData;

public class EncodeTypeTests
{
    private static Dictionary<string, IReadOnlyList<TypedDataField>> Types(params (string Name, (string Name, string Type)[] Fields)[] types) =>
        types.ToDictionary(t => t.Name, t => (IReadOnlyList<TypedDataField>)[.. t.Fields.Select(f => new TypedDataField(f.Name, f.Type))]);

    [Fact]
    public void The_primary_type_comes_first_and_its_dependencies_follow_sorted_by_name()
    {
        var types = Types(
            ("Shipment", [("carrier", "Party"), ("lots", "Lot[]"), ("consignee", "Party")]),
            ("Party", [("name", "string"), ("account", "address")]),
            ("Lot", [("id", "uint64"), ("origin", "Country")]),
            ("Country", [("code", "bytes2")]));
        Assert.Equal(
            "Shipment(Party carrier,Lot[] lots,Party consignee)Country(bytes2 code)Lot(uint64 id,Country origin)Party(string name,address account)",
            Eip712.EncodeType(types, "Shipment"));
    }

    [Fact]
    public void A_dependency_appears_once_however_often_it_is_referenced()
    {
        var types = Types(("A", [("x", "B"), ("y", "B[2]"), ("z", "C")]), ("B", [("v", "bool")]), ("C", [("b", "B[][3]")]));
        Assert.Equal("A(B x,B[2] y,C z)B(bool v)C(B[][3] b)", Eip712.EncodeType(types, "A"));
    }

    [Fact]
    public void Names_sort_by_ordinal_so_upper_case_comes_before_lower_case()
    {
        var types = Types(
            ("Top", [("a", "item"), ("b", "Zed"), ("c", "Item")]),
            ("item", [("v", "uint8")]),
            ("Item", [("v", "int8")]),
            ("Zed", [("v", "bytes1")]));
        Assert.Equal("Top(item a,Zed b,Item c)Item(int8 v)Zed(bytes1 v)item(uint8 v)", Eip712.EncodeType(types, "Top"));
    }

    [Fact]
    public void A_dependency_encodes_only_its_own_dependencies()
    {
        var types = Types(("Outer", [("inner", "Inner")]), ("Inner", [("leaf", "Leaf")]), ("Leaf", [("v", "string")]));
        Assert.Equal("Inner(Leaf leaf)Leaf(string v)", Eip712.EncodeType(types, "Inner"));
        Assert.Equal("Leaf(string v)", Eip712.EncodeType(types, "Leaf"));
    }

    [Fact]
    public void A_struct_without_fields_encodes_as_empty_parentheses()
    {
        Assert.Equal("Empty()", Eip712.EncodeType(Types(("Empty", [])), "Empty"));
    }

    [Fact]
    public void Asking_for_a_type_that_is_not_defined_names_it()
    {
        var error = Assert.Throws<TypedDataException>(() => Eip712.EncodeType(Types(("A", [])), "B"));
        Assert.Contains("unknown type 'B'", error.Message);
    }
}
