using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// <c>POST /v1/transactions</c> refuses bad input with a status, a stable error code and a message, and stores
/// nothing of it. Each case starts from a valid, signed invoice anchoring by Kashgar Exports and spoils one thing.
/// </summary>
[Collection(RefusalNodeCollection.Name)]
public sealed class SubmissionRefusalTests(RefusalNode node)
{
    private const ulong ChainId = TestNetwork.ChainId;

    private SignedTransaction Invoice(ulong nonce = 0, PrivateKey? signer = null, string uri = "") =>
        SignedTransaction.Sign(
            TradeTransactions.Invoice(node.Exporter.Address, nonce, $"refusal test invoice {nonce}") with { Uri = uri },
            signer ?? node.Exporter, ChainId);

    private static JsonObject Body(SignedTransaction tx) => NodeApi.BodyOf(tx, ChainId);

    private static JsonObject TypedData(JsonObject body) => body["typedData"]!.AsObject();

    [Fact]
    public async Task Malformed_json_is_refused_as_invalid_json() =>
        await node.AssertRefusedAsync("{\"typedData\": {\"types\": ", HttpStatusCode.BadRequest, "invalid_json");

    [Fact]
    public async Task A_body_that_is_not_an_object_is_refused_as_invalid_json()
    {
        var answer = await node.AssertRefusedAsync($"[{Body(Invoice()).ToJsonString()}]", HttpStatusCode.BadRequest, "invalid_json", Invoice().Hash);

        Assert.Contains("object", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_given_twice_is_refused_as_invalid_json_naming_it()
    {
        var body = Body(Invoice());
        var json = body.ToJsonString();
        var twice = $"{json[..^1]},\"signature\":{body["signature"]!.ToJsonString()}}}";

        var answer = await node.AssertRefusedAsync(twice, HttpStatusCode.BadRequest, "invalid_json", Invoice().Hash);

        Assert.Contains("'signature'", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_typed_data_is_refused_as_invalid_request()
    {
        var body = Body(Invoice());
        body.Remove("typedData");

        var answer = await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "invalid_request", Invoice().Hash);

        Assert.Contains("typedData", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_signature_is_refused_as_invalid_request()
    {
        var body = Body(Invoice());
        body.Remove("signature");

        var answer = await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "invalid_request", Invoice().Hash);

        Assert.Contains("signature", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_primary_type_that_is_no_transaction_kind_is_refused_as_unknown_kind()
    {
        var body = Body(Invoice());
        var typedData = TypedData(body);
        var types = typedData["types"]!.AsObject();
        types.Remove("AnchorDocument");
        types["LaunchRocket"] = new JsonArray(new JsonObject { ["name"] = "from", ["type"] = "address" }, new JsonObject { ["name"] = "nonce", ["type"] = "uint64" });
        typedData["primaryType"] = "LaunchRocket";
        typedData["message"] = new JsonObject { ["from"] = node.Exporter.Address.ToString(), ["nonce"] = 0 };

        await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "unknown_kind", Invoice().Hash);
    }

    [Fact]
    public async Task Types_that_differ_from_the_published_schema_are_refused_as_schema_mismatch()
    {
        var body = Body(Invoice());
        var typedData = TypedData(body);
        var field = typedData["types"]!["AnchorDocument"]!.AsArray().Single(f => (string?)f!["name"] == "documentTypeCode")!;
        field["name"] = "documentType";
        var message = typedData["message"]!.AsObject();
        message["documentType"] = message["documentTypeCode"]!.DeepClone();
        message.Remove("documentTypeCode");

        await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "schema_mismatch", Invoice().Hash);
    }

    [Fact]
    public async Task A_domain_of_another_name_is_refused_as_wrong_domain()
    {
        var body = Body(Invoice());
        TypedData(body)["domain"]!["name"] = "Ether Mail";

        await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "wrong_domain", Invoice().Hash);
    }

    [Fact]
    public async Task Typed_data_signed_for_another_chain_is_refused_as_wrong_chain_id()
    {
        var other = SignedTransaction.Sign(Invoice().Transaction, node.Exporter, ChainId + 1);

        var answer = await node.AssertRefusedAsync(NodeApi.BodyOf(other, ChainId + 1).ToJsonString(), HttpStatusCode.BadRequest, "wrong_chain_id", other.Hash);

        Assert.Contains(ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_signature_is_refused_as_invalid_signature()
    {
        var body = Body(Invoice());
        body["signature"] = "0x1234";

        await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "invalid_signature", Invoice().Hash);
    }

    [Fact]
    public async Task A_signature_by_a_key_other_than_the_sender_is_refused_as_signer_mismatch()
    {
        var forged = Invoice(signer: TestKeys.Of("refusal-tests/impostor"));

        var answer = await node.AssertRefusedAsync(Body(forged).ToJsonString(), HttpStatusCode.BadRequest, "signer_mismatch", forged.Hash);

        Assert.Contains(node.Exporter.Address.ToString(), answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sender_that_is_no_registered_organization_is_refused_as_unknown_sender()
    {
        var stranger = TestKeys.Of("refusal-tests/stranger");
        var tx = SignedTransaction.Sign(TradeTransactions.Invoice(stranger.Address, 0, "stranger's invoice"), stranger, ChainId);

        await node.AssertRefusedAsync(Body(tx).ToJsonString(), HttpStatusCode.Forbidden, "unknown_sender", tx.Hash);
    }

    [Fact]
    public async Task An_organization_its_registrar_suspended_is_refused_as_sender_suspended()
    {
        var registrar = node.Network.Registrar;
        var suspended = TestKeys.Of("refusal-tests/suspended");
        var nonce = await node.NextNonceAsync(registrar.Address);
        foreach (var step in new ITransaction[]
        {
            TradeTransactions.Register(registrar, nonce, suspended.Address, "Khorgos Dry Port", node.Network.RegistrarCountry, "port"),
            new SuspendOrganization(registrar.Address, nonce + 1, suspended.Address, "licence under review"),
        })
        {
            var receipt = await node.Api.SendAsync(SignedTransaction.Sign(step, registrar, ChainId), ChainId);
            Assert.True((string?)receipt["status"] == "executed", receipt.ToJsonString());
        }
        await node.WaitUntilNothingIsPendingAsync();
        var tx = SignedTransaction.Sign(TradeTransactions.Invoice(suspended.Address, 0, "suspended port's invoice"), suspended, ChainId);

        await node.AssertRefusedAsync(Body(tx).ToJsonString(), HttpStatusCode.Forbidden, "sender_suspended", tx.Hash);
    }

    [Fact]
    public async Task A_nonce_already_used_is_refused_as_nonce_too_old()
    {
        var registrar = node.Network.Registrar;
        var replay = SignedTransaction.Sign(
            TradeTransactions.Register(registrar, 0, TestKeys.Of("refusal-tests/late").Address, "Late Registration", node.Network.RegistrarCountry, "importer"),
            registrar, ChainId);

        await node.AssertRefusedAsync(Body(replay).ToJsonString(), HttpStatusCode.Conflict, "nonce_too_old", replay.Hash);
    }

    [Fact]
    public async Task A_nonce_beyond_the_window_is_refused_as_nonce_too_far_ahead()
    {
        var window = node.Network.Genesis.Parameters.NonceWindow;
        var ahead = Invoice(nonce: await node.NextNonceAsync(node.Exporter.Address) + window);

        await node.AssertRefusedAsync(Body(ahead).ToJsonString(), HttpStatusCode.Conflict, "nonce_too_far_ahead", ahead.Hash);
    }

    // The window is checked before the signer is recovered: a client that retries under backpressure costs the
    // node no secp256k1 recovery per retry. Such a refusal tells only the public standing of the claimed sender.
    [Fact]
    public async Task A_forged_transaction_beyond_the_window_is_refused_for_its_nonce_before_its_signature_is_checked()
    {
        var window = node.Network.Genesis.Parameters.NonceWindow;
        var forged = Invoice(nonce: await node.NextNonceAsync(node.Exporter.Address) + window, signer: TestKeys.Of("refusal-tests/impostor"));

        await node.AssertRefusedAsync(Body(forged).ToJsonString(), HttpStatusCode.Conflict, "nonce_too_far_ahead", forged.Hash);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_as_body_too_large()
    {
        var limit = node.Network.Genesis.Parameters.MaxTransactionBytes;
        var bulky = Invoice(uri: "https://docs.example/" + new string('a', limit));

        await node.AssertRefusedAsync(Body(bulky).ToJsonString(), HttpStatusCode.RequestEntityTooLarge, "body_too_large", bulky.Hash);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_sent_without_a_length_is_refused_as_body_too_large()
    {
        var limit = node.Network.Genesis.Parameters.MaxTransactionBytes;
        var bulky = Invoice(uri: "https://docs.example/" + new string('b', 3 * limit));
        var before = await node.Api.StatusAsync();

        var answer = await node.Api.PostChunkedAsync(NodeApi.SubmitPath, Body(bulky).ToJsonString());

        Assert.True(answer.Status == HttpStatusCode.RequestEntityTooLarge && answer.ErrorCode == "body_too_large", answer.ToString());
        Assert.True(JsonNode.DeepEquals(before, await node.Api.StatusAsync()));
        await node.AssertUnknownAsync(bulky.Hash);
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_type_is_refused_as_invalid_typed_data_naming_the_field()
    {
        var body = Body(Invoice());
        TypedData(body)["message"]!["documentHash"] = "0x1234";

        var answer = await node.AssertRefusedAsync(body.ToJsonString(), HttpStatusCode.BadRequest, "invalid_typed_data", Invoice().Hash);

        Assert.StartsWith("message.documentHash", answer.ErrorMessage, StringComparison.Ordinal);
    }
}
