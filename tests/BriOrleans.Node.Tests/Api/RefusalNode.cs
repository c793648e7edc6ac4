using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// A SQLite node for the refusal tests: the registrar (nonce 0 used) registered one organization, Kashgar Exports,
/// which has sent nothing yet (its next nonce is 0).
/// </summary>
public sealed class RefusalNode : IAsyncLifetime
{
    private readonly TestNetwork _network = TestNetwork.Create();
    private InProcessNode? _node;

    public PrivateKey Exporter { get; } = TestKeys.Of("refusal-node/kashgar-exports");

    public TestNetwork Network => _network;

    public NodeApi Api => _node!.Api;

    public async Task InitializeAsync()
    {
        _node = await InProcessNode.StartAsync(_network.DataDirectory, TestStorage.Sqlite);
        var registration = TradeTransactions.Register(_network.Registrar, 0, Exporter.Address, "Kashgar Exports", _network.RegistrarCountry, "exporter");
        var receipt = await Api.SendAsync(SignedTransaction.Sign(registration, _network.Registrar, TestNetwork.ChainId), TestNetwork.ChainId);
        Assert.Equal("executed", (string?)receipt["status"]);
    }

    /// <summary>The account nonce the node expects next from <paramref name="account"/>.</summary>
    public async Task<ulong> NextNonceAsync(Address account) => (ulong)(await Api.ReadAsync($"/v1/accounts/{account}"))["nonce"]!;

    /// <summary>
    /// Posts <paramref name="body"/> to <paramref name="path"/>, which the node must refuse with <paramref name="status"/>
    /// and the stable <paramref name="code"/>, storing nothing: the status (counters, pending count, chain) is
    /// unchanged and, when the body carries a transaction, its hash is unknown.
    /// </summary>
    public async Task<NodeAnswer> AssertRefusedAsync(string body, HttpStatusCode status, string code, Hash256? hash = null, string path = NodeApi.SubmitPath)
    {
        var before = await Api.StatusAsync();

        var answer = await Api.PostAsync(path, body);

        Assert.True(answer.Status == status && answer.ErrorCode == code, $"expected {(int)status} {code}, got {answer}");
        Assert.False(string.IsNullOrWhiteSpace(answer.ErrorMessage), answer.ToString());
        var after = await Api.StatusAsync();
        Assert.True(JsonNode.DeepEquals(before, after), $"the status changed:\nbefore {before.ToJsonString()}\nafter  {after.ToJsonString()}");
        if (hash is { } transaction)
            await AssertUnknownAsync(transaction);
        return answer;
    }

    /// <summary>The node answers 404 <c>not_found</c> for <paramref name="hash"/>: neither pending nor executed.</summary>
    public async Task AssertUnknownAsync(Hash256 hash)
    {
        var lookup = await Api.GetAsync($"/v1/transactions/{hash}");
        Assert.True(lookup.Status == HttpStatusCode.NotFound && lookup.ErrorCode == "not_found", $"the refused transaction {hash} is known: {lookup}");
    }

    /// <summary>
    /// Waits until no transaction is pending. An executed epoch's receipts are readable a moment before its
    /// transactions leave the pool, and the next refusal test compares the status before and after its request.
    /// </summary>
    public async Task WaitUntilNothingIsPendingAsync()
    {
        var clock = Stopwatch.StartNew();
        while ((int)(await Api.StatusAsync())["transactions"]!["pending"]! > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "transactions are still pending after 60 s");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
            await _node.StopAsync();
        _network.Dispose();
    }
}

/// <summary>The test classes sharing one <see cref="RefusalNode"/>; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class RefusalNodeCollection : ICollectionFixture<RefusalNode>
{
    public const string Name = "refusal node";
}
