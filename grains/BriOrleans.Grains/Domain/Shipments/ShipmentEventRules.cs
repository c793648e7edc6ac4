using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// Who may record which shipment event, and when (DOMAIN.md, shipments):
/// <list type="bullet">
/// <item>Customs codes (CUSS, CUSI, CUSR, and the shipment events HOLD and RELS): a customs organization of the
/// country where the event location lies, for every classifier.</item>
/// <item>Other transport and equipment events: the carrier or the current custodian.</item>
/// <item>Other shipment (document status) events: an organization involved in the shipment.</item>
/// <item>While customs of country C hold the shipment, no actual DEPA, LOAD, GTOT, PICK or CROS at a place in C:
/// nothing that takes the goods on from C or across its border.</item>
/// <item>Actual transport and equipment events follow <see cref="PhysicalOrder"/>; planned and estimated ones are
/// not checked against it, as they are revised freely by recording newer ones.</item>
/// <item>A retraction carries no payload (DCSA), names a standing non-retraction event, and is recorded by the
/// retracted event's recorder or by customs of its location's country. After delivery only those customs
/// retractions are accepted.</item>
/// </list>
/// </summary>
public static class ShipmentEventRules
{
    private static readonly string[] HeldCodes =
        [DcsaEventCodes.Departed, DcsaEventCodes.Loaded, DcsaEventCodes.GatedOut, DcsaEventCodes.PickedUp, DcsaEventCodes.Crossed];

    public static TransactionOutcome? Refuse(ShipmentState shipment, RecordShipmentEvent e, OrganizationView sender, ulong blockTimestamp)
    {
        if (!FieldFormat.IsId(e.EventId))
            return Fail(ReasonCodes.InvalidId, $"eventId '{e.EventId}' must be 1-{FieldFormat.MaxIdLength} of A-Z a-z 0-9 . _ : / -");
        if (shipment.FindEvent(e.EventId) is not null)
            return Fail(ReasonCodes.EventExists, $"shipment {shipment.ShipmentId} already has an event {e.EventId}");
        return e.RetractedEventId.Length > 0 ? RefuseRetraction(shipment, e, sender) : RefuseEvent(shipment, e, sender, blockTimestamp);
    }

    private static TransactionOutcome? RefuseRetraction(ShipmentState shipment, RecordShipmentEvent e, OrganizationView sender)
    {
        if (e.EventType.Length + e.EventTypeCode.Length + e.EventClassifierCode.Length + e.Location.Length
            + e.EquipmentReference.Length + e.TransportReference.Length > 0 || e.EventDateTime != 0)
            return Fail(ReasonCodes.InvalidRetraction,
                "a retraction carries only the retracted event id: leave type, code, classifier, time, location, equipment and transport empty");
        if (shipment.FindEvent(e.RetractedEventId) is not { } retracted)
            return Fail(ReasonCodes.UnknownEvent, $"shipment {shipment.ShipmentId} has no event {e.RetractedEventId} to retract");
        if (retracted.IsRetraction)
            return Fail(ReasonCodes.InvalidRetraction, $"{retracted.EventId} is itself a retraction and cannot be retracted");
        if (retracted.RetractedBy.Length > 0)
            return Fail(ReasonCodes.EventAlreadyRetracted, $"{retracted.EventId} was already retracted by {retracted.RetractedBy}");
        var authority = sender.HasRole(OrganizationRoles.Customs) && sender.Country == UnLocode.CountryOf(retracted.Location);
        if (shipment.Closed && !authority)
            return Fail(ReasonCodes.ShipmentClosed,
                $"shipment {shipment.ShipmentId} is delivered: only customs of {UnLocode.CountryOf(retracted.Location)} may still retract {retracted.EventId}");
        if (!authority && CanonicalText.Of(sender.Address) != retracted.RecordedBy)
            return Fail(ReasonCodes.RetractionNotAllowed,
                $"{retracted.EventId} is retracted by its recorder {retracted.RecordedBy} or by customs of {UnLocode.CountryOf(retracted.Location)}");
        return null;
    }

    private static TransactionOutcome? RefuseEvent(ShipmentState shipment, RecordShipmentEvent e, OrganizationView sender, ulong blockTimestamp)
    {
        if (shipment.Closed)
            return Fail(ReasonCodes.ShipmentClosed, $"shipment {shipment.ShipmentId} is delivered and takes no more events");
        return RefuseShape(shipment, e, blockTimestamp) ?? RefuseRecorder(shipment, e, sender)
            ?? (e.EventClassifierCode == DcsaEventCodes.Actual ? RefuseActual(shipment, e) : null);
    }

    private static TransactionOutcome? RefuseShape(ShipmentState shipment, RecordShipmentEvent e, ulong blockTimestamp)
    {
        if (DcsaEventCodes.CodesOf(e.EventType) is not { } codes)
            return Fail(ReasonCodes.UnknownEventType, $"eventType '{e.EventType}' is not TRANSPORT, EQUIPMENT or SHIPMENT");
        if (!codes.Contains(e.EventTypeCode, StringComparer.Ordinal))
            return Fail(ReasonCodes.UnknownEventCode, $"'{e.EventTypeCode}' is not a {e.EventType} event code; they are {string.Join(", ", codes)}");
        if (!DcsaEventCodes.Classifiers.Contains(e.EventClassifierCode, StringComparer.Ordinal))
            return Fail(ReasonCodes.InvalidClassifier, $"eventClassifierCode '{e.EventClassifierCode}' is not ACT, PLN or EST");
        if (e.EventType == DcsaEventCodes.Shipment && e.EventClassifierCode != DcsaEventCodes.Actual)
            return Fail(ReasonCodes.InvalidClassifier, "a SHIPMENT event is always ACT (DCSA)");
        if (e.EventDateTime == 0)
            return Fail(ReasonCodes.InvalidField, "eventDateTime: the time the event happened, in Unix seconds, is required");
        if (e.EventClassifierCode == DcsaEventCodes.Actual && e.EventDateTime > blockTimestamp / 1000)
            return Fail(ReasonCodes.EventInFuture,
                $"an actual event happened already: eventDateTime {e.EventDateTime} is after the block time {blockTimestamp / 1000} (Unix seconds)");
        if (!UnLocode.IsWellFormed(e.Location))
            return Fail(ReasonCodes.InvalidLocation, $"location '{e.Location}' is not a UN/LOCODE");
        if (e.EventType == DcsaEventCodes.Equipment && e.EquipmentReference.Length == 0)
            return Fail(ReasonCodes.UnknownEquipment, "an EQUIPMENT event names its equipmentReference");
        if (e.EquipmentReference.Length > 0 && !shipment.Equipment.Contains(e.EquipmentReference))
            return Fail(ReasonCodes.UnknownEquipment, $"{e.EquipmentReference} is not equipment of shipment {shipment.ShipmentId}");
        if (!FieldFormat.IsToken(e.TransportReference, FieldFormat.MaxIdLength))
            return Fail(ReasonCodes.InvalidField, $"transportReference: at most {FieldFormat.MaxIdLength} characters without spaces");
        if (e.EventType == DcsaEventCodes.Transport && e.TransportReference.Length == 0)
            return Fail(ReasonCodes.InvalidField, "transportReference: a TRANSPORT event names the vessel, train or truck");
        return null;
    }

    private static TransactionOutcome? RefuseRecorder(ShipmentState shipment, RecordShipmentEvent e, OrganizationView sender)
    {
        var country = UnLocode.CountryOf(e.Location);
        var address = CanonicalText.Of(sender.Address);
        if (DcsaEventCodes.IsCustomsCode(e.EventType, e.EventTypeCode))
        {
            if (!sender.HasRole(OrganizationRoles.Customs))
                return Fail(ReasonCodes.RoleRequired, $"{e.EventTypeCode} is recorded by customs; {sender.Name} is not a customs organization");
            return sender.Country == country
                ? null
                : Fail(ReasonCodes.CustomsWrongCountry, $"{e.EventTypeCode} at {e.Location} is recorded by customs of {country}, not of {sender.Country}");
        }
        if (e.EventType == DcsaEventCodes.Shipment)
            return ShipmentViews.Of(shipment).Involves(sender.Address)
                ? null
                : Fail(ReasonCodes.NotShipmentParty, $"{sender.Name} has no part in shipment {shipment.ShipmentId}");
        return address == shipment.Carrier || address == shipment.Custodian
            ? null
            : Fail(ReasonCodes.NotCustodian, $"{e.EventType} events are recorded by the carrier or the current custodian, not by {sender.Name}");
    }

    private static TransactionOutcome? RefuseActual(ShipmentState shipment, RecordShipmentEvent e)
    {
        var country = UnLocode.CountryOf(e.Location);
        var held = shipment.Holds.Exists(h => h.Country == country);
        if (e.EventType != DcsaEventCodes.Shipment && held && HeldCodes.Contains(e.EventTypeCode))
            return Fail(ReasonCodes.ShipmentHeld, $"customs of {country} hold shipment {shipment.ShipmentId}: no {e.EventTypeCode} at {e.Location} until released");
        if (e.EventTypeCode == DcsaEventCodes.OnHold && held)
            return Fail(ReasonCodes.AlreadyHeld, $"customs of {country} already hold shipment {shipment.ShipmentId}");
        if (e.EventTypeCode == DcsaEventCodes.Released && !held)
            return Fail(ReasonCodes.NotHeld, $"customs of {country} do not hold shipment {shipment.ShipmentId}");
        foreach (var track in ShipmentReplay.TracksOf(shipment, e.EventType, e.EquipmentReference))
        {
            if (PhysicalOrder.Violation(track, e.EventTypeCode, e.Location, e.TransportReference) is { } violation)
                return Fail(ReasonCodes.PhysicalOrder, violation);
        }
        return null;
    }

    private static TransactionOutcome Fail(string code, string message) => TransactionOutcome.Failed(code, message);
}
