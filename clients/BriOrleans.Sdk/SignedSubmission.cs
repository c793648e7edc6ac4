using System.Text.Json;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.TypedData;

namespace BriOrleans.Sdk;

/// <summary>
/// A signed transaction ready to submit: its request body <c>{"typedData": …, "signature": …}</c> encoded once, and
/// the EIP-712 digest the node will report as its hash. Sign offline, submit later, alone or in a batch.
/// </summary>
public sealed class SignedSubmission
{
    private readonly byte[] _body;

    private SignedSubmission(byte[] body, Hash256 hash)
    {
        _body = body;
        Hash = hash;
    }

    public Hash256 Hash { get; }

    /// <summary>The UTF-8 JSON body of <c>POST /v1/transactions</c> for this transaction.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    public static SignedSubmission Of(TypedDataDocument typedData, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(typedData);
        ArgumentNullException.ThrowIfNull(signature);
        var body = new JsonObject { ["typedData"] = typedData.ToJson(), ["signature"] = signature.ToString() };
        return new SignedSubmission(JsonSerializer.SerializeToUtf8Bytes(body), Eip712.Digest(typedData));
    }
}
