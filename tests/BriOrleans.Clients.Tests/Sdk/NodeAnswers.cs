using System.Text.Json.Nodes;
using BriOrleans.Crypto;

namespace BriOrleans.Clients.Tests.Sdk;

/// <summary>Answers in the node API's documented shapes (README, API section), written out as JSON text.</summary>
internal static class NodeAnswers
{
    public static readonly Address NodeId = Address.Parse("0x00000000000000000000000000000000000000aa");

    public static string Status(ulong chainId) => $$"""
        {"chainId":{{chainId}},"network":"scripted","nodeId":"{{NodeId}}","country":"CN","bestEpoch":3,"executedEpoch":2,
         "blockCount":5,"pivotTip":"{{Hash(1)}}","tips":1,"transactions":{"executed":4,"failed":1,"pending":0},"stateRoot":null}
        """;

    public static string Account(Address address, ulong nonce, ulong pendingNonce) =>
        $$"""{"address":"{{address}}","nonce":{{nonce}},"pendingNonce":{{pendingNonce}},"organization":null}""";

    public static string Receipt(Hash256 transactionHash, string status, string reasonCode = "", string message = "") => $$"""
        {"transactionHash":"{{transactionHash}}","kind":"anchor-document","from":"{{NodeId}}","nonce":3,"blockId":"{{Hash(2)}}",
         "epoch":12,"position":4,"status":"{{status}}","reasonCode":"{{reasonCode}}","message":"{{message}}","timestamp":1700000000000}
        """;

    public static string Epoch(ulong number, params string[] receipts) => $$"""
        {"epoch":{"number":{{number}},"pivot":"{{Hash(3)}}","blocks":["{{Hash(3)}}","{{Hash(4)}}"],"skippedBlocks":[],
         "stateRoot":"{{Hash(5)}}","receiptsRoot":"{{Hash(6)}}","timestamp":1700000000000,"executedTransactions":{{receipts.Length}},
         "failedTransactions":0},"receipts":[{{string.Join(",", receipts)}}]}
        """;

    public static string Error(string code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    public static Hash256 Hash(byte last)
    {
        var bytes = new byte[Hash256.Length];
        bytes[^1] = last;
        return new Hash256(bytes);
    }
}
