using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Documents;

public sealed class DocumentAnchoringTests : BookedShipmentTests
{
    [Fact]
    public async Task A_party_anchors_a_shipment_document_by_hash_and_the_shipment_lists_it()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Anchor("invoice 2025-001", "INV", uri: "https://docs.example/inv-2025-001.pdf"));

        var document = await Ledger.Grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(Tx.HashOf("invoice 2025-001"))).GetAsync();
        Assert.NotNull(document);
        Assert.Equal(Tx.HashOf("invoice 2025-001"), document.DocumentHash);
        Assert.Equal("INV", document.DocumentTypeCode);
        Assert.Equal(Cast.Exporter.Address, document.Issuer);
        Assert.Equal("SH-1", document.ShipmentId);
        Assert.Equal("https://docs.example/inv-2025-001.pdf", document.Uri);
        Assert.Equal(Ledger.Now, document.AnchoredAt);
        Assert.Equal([new ShipmentDocumentView(Tx.HashOf("invoice 2025-001"), "INV", Cast.Exporter.Address)], (await ShipmentAsync()).Documents);
    }

    [Fact]
    public async Task A_document_leaves_memory_after_its_anchoring_and_is_read_again_from_storage()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Anchor("certificate 7", "CEO"));
        await WaitForNoDocumentActivationsAsync();

        // A new activation reads the anchored state back: the second anchoring of the hash is refused.
        var again = await Ledger.SubmitAsync(Cast.Carrier, Tx.Anchor("certificate 7", "CEO"));
        await WaitForNoDocumentActivationsAsync();

        Assert.Equal(ReasonCodes.DocumentExists, again.ReasonCode);
        Assert.Equal(2, DocumentStatistics().TotalActivations);
        var document = await Ledger.Grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(Tx.HashOf("certificate 7"))).GetAsync();
        Assert.Equal("CEO", document?.DocumentTypeCode);
        Assert.Equal(Cast.Exporter.Address, document?.Issuer);
        // A read keeps its activation, as any grain's, until it is idle for the collection age.
        Assert.Equal(1, DocumentStatistics().CurrentActivations);
    }

    private GrainHost.GrainTypeStatistics DocumentStatistics() =>
        Ledger.Statistics.GetSnapshot().GrainTypes.Single(t => t.GrainType == "document");

    // Deactivation follows the turn that asked for it, on the activation's own scheduler.
    private async Task WaitForNoDocumentActivationsAsync()
    {
        var limit = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DocumentStatistics().CurrentActivations > 0)
        {
            if (DateTime.UtcNow > limit)
                throw new TimeoutException($"document activations still live after 10 s: {DocumentStatistics()}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Anyone_can_check_a_file_against_the_anchored_hash()
    {
        var file = "certificate of origin no. 88"u8.ToArray();
        await Ledger.ExecutesAsync(Cast.Exporter, (from, nonce) => new AnchorDocument(from, nonce, "CEO", Crypto.Keccak.Hash(file), "SH-1"));

        var anchored = await Ledger.Grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(Crypto.Keccak.Hash(file))).GetAsync();
        var tampered = await Ledger.Grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(Crypto.Keccak.Hash("certificate of origin no. 89"u8.ToArray()))).GetAsync();

        Assert.Equal("CEO", anchored?.DocumentTypeCode);
        Assert.Null(tampered);
    }

    [Fact]
    public async Task The_same_hash_is_anchored_once()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Anchor("bill of lading", "TRD"));

        await Ledger.RefusesAsync(ReasonCodes.DocumentExists, Cast.Carrier, Tx.Anchor("bill of lading", "TRD"));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("inv")]
    [InlineData("")]
    public async Task The_type_is_a_DCSA_document_type_code(string type)
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownDocumentType, Cast.Exporter, Tx.Anchor("a document", type));
    }

    [Fact]
    public async Task A_document_has_a_real_hash_and_a_uri_without_spaces()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Exporter, (from, nonce) => new AnchorDocument(from, nonce, "INV", Crypto.Hash256.Zero, "SH-1"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Exporter, Tx.Anchor("a document", uri: "https://docs.example/my invoice.pdf"));
    }

    [Fact]
    public async Task A_shipment_document_names_an_existing_shipment()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownShipment, Cast.Exporter, Tx.Anchor("a document", shipmentId: "SH-NONE"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidId, Cast.Exporter, Tx.Anchor("a document", shipmentId: "SH NONE"));
    }

    [Fact]
    public async Task Organizations_with_no_part_in_the_shipment_cannot_anchor_its_documents()
    {
        await Ledger.RefusesAsync(ReasonCodes.NotShipmentParty, Cast.Port, Tx.Anchor("a document"));
        await Ledger.RefusesAsync(ReasonCodes.NotShipmentParty, Cast.LenderCn, Tx.Anchor("a document"));
    }

    [Fact]
    public async Task Customs_and_regulators_of_a_country_the_shipment_touches_anchor_its_documents_others_do_not()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.CreateShipment(Cast, id: "SH-CN-KZ", destination: "KZALA", route: []));

        await Ledger.ExecutesAsync(Cast.CustomsKz, Tx.Anchor("customs clearance KZ", "CUC", "SH-CN-KZ"));
        await Ledger.ExecutesAsync(Cast.RegulatorCn, Tx.Anchor("inspection CN", "ICE", "SH-CN-KZ"));
        await Ledger.RefusesAsync(ReasonCodes.NotShipmentParty, Cast.CustomsPk, Tx.Anchor("customs clearance PK", "CUC", "SH-CN-KZ"));
    }

    [Fact]
    public async Task Past_custodians_still_anchor_documents_of_the_shipment()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.HandOver(Cast.Forwarder.Address));
        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.Accept());
        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.HandOver(Cast.Port.Address));
        await Ledger.ExecutesAsync(Cast.Port, Tx.Accept());

        await Ledger.ExecutesAsync(Cast.Forwarder, Tx.Anchor("forwarder's cargo receipt", "CAS"));
    }

    [Fact]
    public async Task Any_organization_anchors_a_document_of_its_own_and_strangers_none()
    {
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Anchor("loan agreement", "CQU", shipmentId: ""));
        await Ledger.RefusesAsync(ReasonCodes.SenderNotRegistered, Cast.Stranger, Tx.Anchor("forgery", "CQU", shipmentId: ""));
    }

    [Fact]
    public async Task Documents_may_still_be_anchored_for_a_delivered_shipment()
    {
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Deliver());

        await Ledger.ExecutesAsync(Cast.CustomsPk, Tx.Anchor("final clearance", "CUC"));
    }
}
