using System.Text.Json;
using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Grains.Tests.State;

/// <summary>The JSON form the API serves: compact, exact, and read back strictly.</summary>
public class StateProofJsonTests
{
    private static readonly Hash256 A = Hash256.Parse("0x" + new string('a', 64));
    private static readonly Hash256 B = Hash256.Parse("0x" + new string('b', 64));
    private static readonly Hash256 C = Hash256.Parse("0x" + new string('c', 64));

    [Fact]
    public void A_proof_ending_at_a_leaf_is_written_with_its_key_leaf_and_siblings_root_first()
    {
        var json = new StateProof(A, new StateProofLeaf(A, B), [C, Hash256.Zero]).ToJson();
        Assert.Equal(
            $"{{\"key\":\"{A}\",\"leaf\":{{\"key\":\"{A}\",\"value\":\"{B}\"}},\"siblings\":[\"{C}\",\"{Hash256.Zero}\"]}}",
            json);
    }

    [Fact]
    public void A_proof_ending_at_an_empty_subtree_is_written_without_a_leaf()
    {
        Assert.Equal($"{{\"key\":\"{A}\",\"siblings\":[\"{C}\"]}}", new StateProof(A, null, [C]).ToJson());
    }

    [Fact]
    public void A_proof_read_back_from_json_still_verifies()
    {
        var tree = StateKeys.NewTree();
        tree.Commit(1, Enumerable.Range(0, 50).Select(i => StateChange.Set(StateKeys.Grain(i), StateKeys.Value(i))));
        foreach (var i in new[] { 3, 60 })
        {
            var proof = tree.Prove(StateKeys.Grain(i), 1);
            var read = StateProof.FromJson(proof.ToJson());
            Assert.Equal(proof.ToJson(), read.ToJson());
            Assert.True(StateProofVerifier.Verify(tree.RootOf(1), read));
        }
    }

    [Fact]
    public void A_proof_is_serialized_in_its_own_form_inside_other_objects()
    {
        var json = JsonSerializer.Serialize(new { proof = new StateProof(A, null, []) });
        Assert.Equal($"{{\"proof\":{{\"key\":\"{A}\",\"siblings\":[]}}}}", json);
    }

    [Theory]
    [InlineData("{\"siblings\":[]}", "'key' and 'siblings'")]
    [InlineData("{\"key\":\"0xaa\",\"siblings\":[]}", "'key' must be a hash")]
    [InlineData("{\"key\":KEY,\"siblings\":[\"0x12\"]}", "'siblings[0]' must be a hash")]
    [InlineData("{\"key\":KEY,\"siblings\":{}}", "'siblings' must be a JSON array")]
    [InlineData("{\"key\":KEY,\"leaf\":{\"key\":KEY},\"siblings\":[]}", "needs both 'key' and 'value'")]
    [InlineData("{\"key\":KEY,\"key\":KEY,\"siblings\":[]}", "got 'key'")]
    [InlineData("{\"key\":KEY,\"siblings\":[],\"root\":KEY}", "got 'root'")]
    [InlineData("[]", "a state proof must be a JSON object")]
    public void Malformed_json_is_refused_with_a_message_naming_the_fault(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => StateProof.FromJson(json.Replace("KEY", $"\"{A}\"")));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void More_siblings_than_key_bits_are_refused()
    {
        var siblings = string.Join(",", Enumerable.Repeat($"\"{C}\"", StateTreeScheme.MaxDepth + 1));
        var error = Assert.Throws<JsonException>(() => StateProof.FromJson($"{{\"key\":\"{A}\",\"siblings\":[{siblings}]}}"));
        Assert.Contains("at most 256", error.Message);
    }

    [Fact]
    public void A_null_leaf_reads_as_a_path_ending_at_an_empty_subtree()
    {
        var proof = StateProof.FromJson($"{{\"key\":\"{A}\",\"leaf\":null,\"siblings\":[]}}");
        Assert.Null(proof.Leaf);
    }
}
