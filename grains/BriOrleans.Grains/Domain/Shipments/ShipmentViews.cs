using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>Immutable views of a shipment's state; nothing in a view shares a list with the state.</summary>
public static class ShipmentViews
{
    public static ShipmentView Of(ShipmentState s) => new(
        s.ShipmentId,
        CanonicalText.Address(s.CreatedBy),
        CanonicalText.Address(s.Shipper),
        CanonicalText.Address(s.Consignee),
        CanonicalText.Address(s.Carrier),
        s.Origin,
        s.Destination,
        new Goods(CanonicalText.Hash(s.Goods.DescriptionHash), [.. s.Goods.HsCodes], s.Goods.DeclaredValue, s.Goods.Currency),
        [.. s.Equipment],
        [.. s.PlannedRoute],
        CanonicalText.Address(s.Custodian),
        s.PendingCustodian is null ? null : CanonicalText.Address(s.PendingCustodian),
        StatusOf(s),
        [.. s.Holds.Select(h => new CustomsHoldView(h.Country, CanonicalText.Address(h.HeldBy), h.EventId))],
        [.. s.Tracks.Select(t => new EquipmentPositionView(t.EquipmentReference, t.Place, t.Underway, t.Transport, t.Loaded))],
        [.. s.CustodyTransfers.Select(t => new CustodyTransferView(CanonicalText.Address(t.From), CanonicalText.Address(t.To), t.OfferedAt, t.AcceptedAt))],
        [.. s.Documents.Select(d => new ShipmentDocumentView(CanonicalText.Hash(d.DocumentHash), d.DocumentTypeCode, CanonicalText.Address(d.Issuer)))],
        [.. s.Countries],
        s.CreatedAt,
        s.DeliveredAt);

    public static ShipmentEventView Of(ShipmentEventRecord e) => new(
        e.EventId, e.EventType, e.EventTypeCode, e.EventClassifierCode, e.EventDateTime, e.Location, e.EquipmentReference,
        e.TransportReference, e.RetractedEventId, CanonicalText.Address(e.RecordedBy), e.EventCreatedDateTime, e.RetractedBy);

    /// <summary>Delivered once closed; in transit once an actual departure stands; booked before.</summary>
    private static ShipmentStatus StatusOf(ShipmentState s) =>
        s.Closed ? ShipmentStatus.Delivered
        : s.Events.Exists(e => e.StandsAsActual && e.EventTypeCode == DcsaEventCodes.Departed) ? ShipmentStatus.InTransit
        : ShipmentStatus.Booked;
}
