using System.Text.Json.Nodes;
using BriOrleans.Crypto;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// A node on one storage kind where a registrar registered a trader and a consignee, the trader created a shipment,
/// recorded a planned arrival and anchored an invoice for it, then tried to anchor the same invoice again (which
/// fails). The receipts of those transactions are kept for the tests to read the ledger back against.
/// </summary>
public abstract class TradeLedger(string storageKind) : IAsyncLifetime
{
    public const string ShipmentId = "SRF-2025-0001";
    public const string EventId = "SRF-ARRI-PLN-1";
    public const string InvoiceContent = "commercial invoice SRF-2025-0001";

    private readonly TestNetwork _network = TestNetwork.Create();
    private TestStorage? _storage;
    private InProcessNode? _node;
    private ulong _traderNonce;

    public PrivateKey Trader { get; } = TestKeys.Of("trade-ledger/trader");
    public PrivateKey Consignee { get; } = TestKeys.Of("trade-ledger/consignee");

    public TestNetwork Network => _network;
    public NodeApi Api => _node!.Api;
    public string StorageKind => storageKind;

    public JsonObject Registration { get; private set; } = [];
    public JsonObject Creation { get; private set; } = [];
    public JsonObject Event { get; private set; } = [];
    public JsonObject Anchoring { get; private set; } = [];
    public JsonObject RepeatedAnchoring { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(storageKind);
        _node = await InProcessNode.StartAsync(_network.DataDirectory, _storage.Option);
        var registrar = _network.Registrar;
        Registration = await SendAsync(TradeTransactions.Register(registrar, 0, Trader.Address, "Silk Road Freight", _network.RegistrarCountry, TradeTransactions.TraderRoles), registrar);
        await SendAsync(TradeTransactions.Register(registrar, 1, Consignee.Address, "Almaty Cotton Mills", _network.RegistrarCountry, "importer"), registrar);
        Creation = await SendAsync(TradeTransactions.Shipment(Trader.Address, _traderNonce++, ShipmentId, Consignee.Address), Trader);
        Event = await SendAsync(TradeTransactions.PlannedArrival(Trader.Address, _traderNonce++, ShipmentId, EventId), Trader);
        Anchoring = await SendAsync(TradeTransactions.Invoice(Trader.Address, _traderNonce++, InvoiceContent, ShipmentId), Trader);
        RepeatedAnchoring = await SendAsync(TradeTransactions.Invoice(Trader.Address, _traderNonce++, InvoiceContent), Trader);
    }

    /// <summary>Signs a further transaction of the trader with its next nonce.</summary>
    public SignedTransaction SignByTrader(Func<Address, ulong, ITransaction> transaction) =>
        SignedTransaction.Sign(transaction(Trader.Address, _traderNonce++), Trader, TestNetwork.ChainId);

    private Task<JsonObject> SendAsync(ITransaction transaction, PrivateKey key) =>
        Api.SendAsync(SignedTransaction.Sign(transaction, key, TestNetwork.ChainId), TestNetwork.ChainId);

    public async Task DisposeAsync()
    {
        if (_node is not null)
            await _node.StopAsync();
        if (_storage is not null)
            await _storage.DisposeAsync();
        _network.Dispose();
    }
}

/// <summary>The trade ledger on SQLite.</summary>
public sealed class SqliteTradeLedger() : TradeLedger(TestStorage.Sqlite);

/// <summary>The trade ledger on PostgreSQL.</summary>
public sealed class PostgresTradeLedger() : TradeLedger(TestStorage.Postgres);
