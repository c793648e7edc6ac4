using System.Text.Json.Nodes;
using BriOrleans.Ledger;
using BriOrleans.Node.Tests.Hosting;
using BriOrleans.NodeCore.Network;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Api;

/// <summary>
/// The happy path through the API: what a registration, a shipment, an event and a document wrote reads back
/// through the ledger, chain, status and schema endpoints, and the event feed delivers new epochs. Runs once per
/// storage kind (the derived classes).
/// </summary>
public abstract class LedgerReadTests(TradeLedger ledger)
{
    private NodeApi Api => ledger.Api;

    [Fact]
    public void Every_setup_transaction_executed_except_the_repeated_anchoring_which_failed_as_document_exists()
    {
        foreach (var receipt in new[] { ledger.Registration, ledger.Creation, ledger.Event, ledger.Anchoring })
            Assert.True((string?)receipt["status"] == "executed", receipt.ToJsonString());
        Assert.Equal("failed", (string?)ledger.RepeatedAnchoring["status"]);
        Assert.Equal("document_exists", (string?)ledger.RepeatedAnchoring["reasonCode"]);
    }

    [Fact]
    public async Task A_registered_organization_reads_back_with_its_name_country_roles_and_registrar()
    {
        var organization = await Api.ReadAsync($"/v1/organizations/{ledger.Trader.Address}");

        Assert.Equal(ledger.Trader.Address.ToString(), (string?)organization["address"]);
        Assert.Equal("Silk Road Freight", (string?)organization["name"]);
        Assert.Equal(ledger.Network.RegistrarCountry, (string?)organization["country"]);
        Assert.Equal(["carrier", "exporter", "importer"], organization["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("active", (string?)organization["status"]);
        Assert.Equal(ledger.Network.Registrar.Address.ToString(), (string?)organization["registeredBy"]);
        Assert.Equal((ulong)ledger.Registration["timestamp"]!, (ulong)organization["registeredAt"]!);
    }

    [Fact]
    public async Task A_created_shipment_reads_back_with_its_parties_places_goods_and_anchored_document()
    {
        var shipment = await Api.ReadAsync($"/v1/shipments/{TradeLedger.ShipmentId}");

        var trader = ledger.Trader.Address.ToString();
        Assert.Equal(TradeLedger.ShipmentId, (string?)shipment["shipmentId"]);
        Assert.Equal(trader, (string?)shipment["shipper"]);
        Assert.Equal(trader, (string?)shipment["carrier"]);
        Assert.Equal(trader, (string?)shipment["custodian"]);
        Assert.Equal(ledger.Consignee.Address.ToString(), (string?)shipment["consignee"]);
        Assert.Equal(TradeTransactions.Origin, (string?)shipment["origin"]);
        Assert.Equal(TradeTransactions.Destination, (string?)shipment["destination"]);
        Assert.Equal(["520100"], shipment["goods"]!["hsCodes"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("USD", (string?)shipment["goods"]!["currency"]);
        Assert.Equal(["CN", "KZ"], shipment["countries"]!.AsArray().Select(c => (string?)c));
        var document = Assert.Single(shipment["documents"]!.AsArray());
        Assert.Equal(TradeTransactions.HashOf(TradeLedger.InvoiceContent).ToString(), (string?)document!["documentHash"]);
        Assert.Equal((ulong)ledger.Creation["timestamp"]!, (ulong)shipment["createdAt"]!);
    }

    [Fact]
    public async Task A_recorded_event_is_listed_among_the_shipment_events_with_its_recorder()
    {
        var events = (await Api.ReadAsync($"/v1/shipments/{TradeLedger.ShipmentId}/events")).AsArray();

        var recorded = Assert.Single(events)!;
        Assert.Equal(TradeLedger.EventId, (string?)recorded["eventId"]);
        Assert.Equal("TRANSPORT", (string?)recorded["eventType"]);
        Assert.Equal("ARRI", (string?)recorded["eventTypeCode"]);
        Assert.Equal("PLN", (string?)recorded["eventClassifierCode"]);
        Assert.Equal(TradeTransactions.Destination, (string?)recorded["location"]);
        Assert.Equal(TradeTransactions.Train, (string?)recorded["transportReference"]);
        Assert.Equal(ledger.Trader.Address.ToString(), (string?)recorded["recordedBy"]);
        Assert.Equal((ulong)ledger.Event["timestamp"]!, (ulong)recorded["eventCreatedDateTime"]!);
    }

    [Fact]
    public async Task An_anchored_document_reads_back_as_anchored_by_its_issuer_for_its_shipment()
    {
        var hash = TradeTransactions.HashOf(TradeLedger.InvoiceContent);

        var anchor = await Api.ReadAsync($"/v1/documents/{hash}");

        Assert.Equal(hash.ToString(), (string?)anchor["documentHash"]);
        Assert.Equal("INV", (string?)anchor["documentTypeCode"]);
        Assert.Equal(ledger.Trader.Address.ToString(), (string?)anchor["issuer"]);
        Assert.Equal(TradeLedger.ShipmentId, (string?)anchor["shipmentId"]);
        Assert.Equal((string?)ledger.Anchoring["transactionHash"], (string?)anchor["transactionHash"]);
        Assert.Equal((ulong)ledger.Anchoring["timestamp"]!, (ulong)anchor["anchoredAt"]!);
    }

    [Fact]
    public async Task The_block_of_a_receipt_reads_back_signed_by_this_node_and_holding_the_transaction()
    {
        var blockId = (string)ledger.Creation["blockId"]!;

        var block = await Api.ReadAsync($"/v1/blocks/{blockId}");

        Assert.Equal(blockId, (string?)block["id"]);
        Assert.Contains((string?)ledger.Creation["transactionHash"], block["transactions"]!.AsArray().Select(t => (string?)t));
        Assert.Equal((ulong)ledger.Creation["epoch"]!, (ulong)block["placement"]!["epoch"]!);
        Assert.False(string.IsNullOrEmpty((string?)block["signature"]));
    }

    [Fact]
    public async Task The_epoch_of_a_receipt_reads_back_with_its_pivot_blocks_and_roots()
    {
        var number = (ulong)ledger.Event["epoch"]!;

        var epoch = await Api.ReadAsync($"/v1/epochs/{number}");

        Assert.Equal(number, (ulong)epoch["number"]!);
        Assert.Contains((string?)ledger.Event["blockId"], epoch["blocks"]!.AsArray().Select(b => (string?)b));
        Assert.Equal((string?)epoch["pivot"], (string?)epoch["blocks"]!.AsArray()[^1]);
        Assert.Matches("^0x[0-9a-f]{64}$", (string?)epoch["stateRoot"]);
        Assert.Matches("^0x[0-9a-f]{64}$", (string?)epoch["receiptsRoot"]);
        Assert.True((int)epoch["executedTransactions"]! >= 1);
        Assert.Equal((ulong)ledger.Event["timestamp"]!, (ulong)epoch["timestamp"]!);
    }

    [Fact]
    public async Task Status_names_the_chain_and_node_and_counts_what_the_executed_epochs_hold()
    {
        var status = await Api.StatusAsync();

        var validator = ValidatorAddress();
        Assert.Equal(TestNetwork.ChainId, (ulong)status["chainId"]!);
        Assert.Equal(validator, (string?)status["nodeId"]);
        Assert.Equal(ledger.Network.RegistrarCountry, (string?)status["country"]);
        var executedEpoch = (long)status["executedEpoch"]!;
        Assert.Equal((long)(ulong)status["bestEpoch"]!, executedEpoch);
        Assert.True(executedEpoch >= (long)(ulong)ledger.RepeatedAnchoring["epoch"]!);
        Assert.True((int)status["blockCount"]! >= 6, status.ToJsonString());
        long executed = 0, failed = 0;
        for (var n = 0; n <= executedEpoch; n++)
        {
            var epoch = await Api.ReadAsync($"/v1/epochs/{n}");
            executed += (long)epoch["executedTransactions"]!;
            failed += (long)epoch["failedTransactions"]!;
        }
        var transactions = status["transactions"]!;
        Assert.Equal(executed, (long)transactions["executed"]!);
        Assert.Equal(failed, (long)transactions["failed"]!);
        Assert.True(executed >= 5 && failed >= 1, transactions.ToJsonString());
        Assert.Equal(0, (int)transactions["pending"]!);
        var latest = await Api.ReadAsync($"/v1/epochs/{executedEpoch}");
        Assert.Equal((string?)latest["stateRoot"], (string?)status["stateRoot"]);
    }

    [Fact]
    public async Task The_schema_publishes_the_domain_and_every_transaction_kind_with_its_types()
    {
        var schema = await Api.ReadAsync("/v1/schema");

        Assert.Equal(TransactionCatalog.DomainName, (string?)schema["domain"]!["name"]);
        Assert.Equal(TestNetwork.ChainId, (ulong)schema["domain"]!["chainId"]!);
        var kinds = schema["kinds"]!.AsObject();
        Assert.Equal(TransactionCatalog.All.Select(k => k.Name), kinds.Select(k => k.Key));
        var shipment = kinds["create-shipment"]!;
        Assert.Equal("CreateShipment", (string?)shipment["primaryType"]);
        Assert.Equal(["from", "nonce", "shipmentId"], shipment["types"]!["CreateShipment"]!.AsArray().Take(3).Select(f => (string?)f!["name"]));
        Assert.NotNull(shipment["types"]!["Goods"]);
        Assert.Equal(["equipmentReference", "retractedEventId", "transportReference"],
            kinds["record-shipment-event"]!["optionalFields"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public async Task The_event_feed_delivers_an_epoch_event_carrying_the_receipt_of_a_new_transaction()
    {
        await using var feed = EpochFeed.Open(Api.Http);
        JsonObject? delivered = null;
        JsonObject? receipt = null;
        // The feed subscribes when the node starts streaming, which a client cannot observe: a transaction
        // executed before that is not in the feed, so send further ones until one is delivered.
        for (var attempt = 0; attempt < 10 && delivered is null; attempt++)
        {
            var tx = ledger.SignByTrader((from, nonce) => TradeTransactions.Invoice(from, nonce, $"packing list {attempt}, {ledger.StorageKind}"));
            receipt = await Api.SendAsync(tx, TestNetwork.ChainId);
            delivered = await FindReceiptAsync(feed, tx.Hash);
        }

        Assert.NotNull(delivered);
        Assert.True(JsonNode.DeepEquals(receipt, delivered), $"feed: {delivered.ToJsonString()}\nGET: {receipt!.ToJsonString()}");
    }

    // The epoch event of the transaction, or null when the feed shows epochs past it (or nothing for a while) without it.
    private static async Task<JsonObject?> FindReceiptAsync(EpochFeed feed, BriOrleans.Crypto.Hash256 hash)
    {
        while (await feed.NextAsync(TimeSpan.FromSeconds(5)) is { } next)
        {
            Assert.Equal("epoch", next.Name);
            Assert.NotNull(next.Data["epoch"]?["stateRoot"]);
            if (next.Data["receipts"]!.AsArray().FirstOrDefault(r => (string?)r!["transactionHash"] == hash.ToString()) is JsonObject found)
                return found;
        }
        return null;
    }

    private string ValidatorAddress() =>
        BriOrleans.Crypto.KeyFile.Load(LocalNetwork.KeyPath(ledger.Network.DataDirectory, ledger.Network.RegistrarCountry, "validator")).Address.ToString();
}

/// <summary>The happy path on a node storing in SQLite.</summary>
public sealed class LedgerReadOnSqliteTests(SqliteTradeLedger ledger) : LedgerReadTests(ledger), IClassFixture<SqliteTradeLedger>;

/// <summary>The happy path on a node storing in PostgreSQL.</summary>
public sealed class LedgerReadOnPostgresTests(PostgresTradeLedger ledger) : LedgerReadTests(ledger), IClassFixture<PostgresTradeLedger>;
