using System.Text.Json.Serialization;
using BriOrleans.Crypto;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// A shipment as the ledger holds it: its parties, places and goods, who has custody (and to whom it is offered),
/// the customs holds in force (one per country), where each piece of equipment physically is, and every
/// custody transfer and document. <see cref="Countries"/> lists every country the shipment touches (origin,
/// destination, planned route, event locations), sorted. Times (<c>…At</c>) are Unix milliseconds.
/// </summary>
public sealed record ShipmentView(
    string ShipmentId,
    Address CreatedBy,
    Address Shipper,
    Address Consignee,
    Address Carrier,
    string Origin,
    string Destination,
    Goods Goods,
    IReadOnlyList<string> Equipment,
    IReadOnlyList<string> PlannedRoute,
    Address Custodian,
    Address? PendingCustodian,
    ShipmentStatus Status,
    IReadOnlyList<CustomsHoldView> Holds,
    IReadOnlyList<EquipmentPositionView> Positions,
    IReadOnlyList<CustodyTransferView> CustodyTransfers,
    IReadOnlyList<ShipmentDocumentView> Documents,
    IReadOnlyList<string> Countries,
    ulong CreatedAt,
    ulong? DeliveredAt)
{
    public bool Closed => Status == ShipmentStatus.Delivered;

    /// <summary>True when <paramref name="organization"/> has or had a part in the shipment: a named party, its creator, or a present or past custodian.</summary>
    public bool Involves(Address organization) =>
        organization == Shipper || organization == Consignee || organization == Carrier || organization == CreatedBy
        || organization == Custodian || CustodyTransfers.Any(t => t.From == organization || t.To == organization);
}

/// <summary>Where a shipment is in its life: booked, underway (an actual departure is recorded), delivered (closed).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShipmentStatus>))]
public enum ShipmentStatus
{
    Booked,
    InTransit,
    Delivered,
}

/// <summary>A customs hold in force: the country whose customs hold the shipment, who did, by which event.</summary>
public sealed record CustomsHoldView(string Country, Address HeldBy, string EventId);

/// <summary>
/// The physical state of one piece of equipment (or of the whole consignment, reference "", when the shipment
/// lists no equipment) after its actual events: the place it is at or last departed from, whether it is underway
/// and on which transport, and whether it is loaded.
/// </summary>
public sealed record EquipmentPositionView(string EquipmentReference, string Place, bool Underway, string Transport, bool Loaded);

/// <summary>A completed custody handover: from whom, to whom, when it was offered and accepted (Unix ms).</summary>
public sealed record CustodyTransferView(Address From, Address To, ulong OfferedAt, ulong AcceptedAt);

/// <summary>A document anchored for the shipment: its hash, DCSA type code and issuer.</summary>
public sealed record ShipmentDocumentView(Hash256 DocumentHash, string DocumentTypeCode, Address Issuer);
