using System.Text.Json;
using System.Text.Json.Nodes;
using BriOrleans.Consensus;
using BriOrleans.Crypto;

namespace BriOrleans.Node.TreeGraph;

/// <summary>
/// A DAG dump in the test vectors' format: optional params (epoch_block_bound, invalid_policy) and
/// blocks in arrival order, each with id, parent, referees, hash. Other keys are ignored, so a whole
/// vector object reads as its DAG.
/// </summary>
public sealed record DagDocument(OrderingParameters Parameters, IReadOnlyList<TreeGraphBlock> Blocks)
{
    /// <summary>Reads the document; on failure returns null and a message naming the field at fault.</summary>
    public static DagDocument? Parse(string text, out string error)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            error = $"the input is not valid JSON: {e.Message}";
            return null;
        }
        return root is JsonObject obj ? FromJson(obj, out error) : Fail<DagDocument>("the input must be a JSON object with a \"blocks\" array", out error);
    }

    /// <summary>Reads a parsed document (for instance one vector of the vectors file).</summary>
    public static DagDocument? FromJson(JsonObject root, out string error)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parameters = ReadParameters(root["params"], out error);
        if (parameters is null)
            return null;
        if (root["blocks"] is not JsonArray array)
            return Fail<DagDocument>("\"blocks\" must be an array of blocks", out error);
        if (array.Count == 0)
            return Fail<DagDocument>("\"blocks\" is empty: a DAG has at least its genesis block", out error);
        var blocks = new List<TreeGraphBlock>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var block = ReadBlock(array[i], i, out error);
            if (block is null)
                return null;
            blocks.Add(block);
        }
        error = "";
        return new DagDocument(parameters, blocks);
    }

    private static OrderingParameters? ReadParameters(JsonNode? node, out string error)
    {
        error = "";
        if (node is null)
            return OrderingParameters.Default;
        if (node is not JsonObject obj)
            return Fail<OrderingParameters>("\"params\" must be an object", out error);
        var bound = OrderingParameters.DefaultEpochBlockBound;
        if (obj["epoch_block_bound"] is { } boundNode)
        {
            if (boundNode.GetValueKind() != JsonValueKind.Number || !boundNode.AsValue().TryGetValue(out bound) || bound < 1)
                return Fail<OrderingParameters>($"params.epoch_block_bound must be a positive integer, got {boundNode.ToJsonString()}", out error);
        }
        var policy = InvalidBlockPolicy.Count;
        if (obj["invalid_policy"] is { } policyNode)
        {
            var text = policyNode.GetValueKind() == JsonValueKind.String ? policyNode.GetValue<string>() : null;
            policy = text switch
            {
                "count" => InvalidBlockPolicy.Count,
                "zero" => InvalidBlockPolicy.Zero,
                _ => (InvalidBlockPolicy)(-1),
            };
            if (!Enum.IsDefined(policy))
                return Fail<OrderingParameters>($"params.invalid_policy must be \"count\" or \"zero\", got {policyNode.ToJsonString()}", out error);
        }
        return new OrderingParameters(bound, policy);
    }

    private static TreeGraphBlock? ReadBlock(JsonNode? node, int position, out string error)
    {
        error = "";
        if (node is not JsonObject obj)
            return Fail<TreeGraphBlock>($"blocks[{position}] must be an object", out error);
        if (obj["id"] is not { } idNode || idNode.GetValueKind() != JsonValueKind.String || idNode.GetValue<string>().Length == 0)
            return Fail<TreeGraphBlock>($"blocks[{position}]: \"id\" must be a non-empty string", out error);
        var id = idNode.GetValue<string>();
        var where = $"block '{id}' (blocks[{position}])";

        string? parent = null;
        if (obj["parent"] is { } parentNode)
        {
            if (parentNode.GetValueKind() != JsonValueKind.String)
                return Fail<TreeGraphBlock>($"{where}: \"parent\" must be a block id or null", out error);
            parent = parentNode.GetValue<string>();
        }

        var referees = new List<string>();
        if (obj["referees"] is { } refereesNode)
        {
            if (refereesNode is not JsonArray refereeArray)
                return Fail<TreeGraphBlock>($"{where}: \"referees\" must be an array of block ids", out error);
            foreach (var referee in refereeArray)
            {
                if (referee is null || referee.GetValueKind() != JsonValueKind.String)
                    return Fail<TreeGraphBlock>($"{where}: \"referees\" must hold block ids only, got {referee?.ToJsonString() ?? "null"}", out error);
                referees.Add(referee.GetValue<string>());
            }
        }

        var hashText = obj["hash"] is { } hashNode && hashNode.GetValueKind() == JsonValueKind.String ? hashNode.GetValue<string>() : null;
        if (!Hash256.TryParse(hashText, out var hash))
            return Fail<TreeGraphBlock>($"{where}: \"hash\" must be 0x followed by 64 hex digits, got {obj["hash"]?.ToJsonString() ?? "nothing"}", out error);

        var weight = 1L;
        if (obj["weight"] is { } weightNode
            && (weightNode.GetValueKind() != JsonValueKind.Number || !weightNode.AsValue().TryGetValue(out weight) || weight < 0))
            return Fail<TreeGraphBlock>($"{where}: \"weight\" must be a non-negative integer, got {weightNode.ToJsonString()}", out error);

        return new TreeGraphBlock(id, parent, referees, hash, weight);
    }

    private static T? Fail<T>(string message, out string error) where T : class
    {
        error = message;
        return null;
    }
}
