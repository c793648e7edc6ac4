using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// A recorded shipment event under DCSA Track &amp; Trace names. <see cref="EventDateTime"/> is when it happened as
/// its recorder says (Unix seconds); <see cref="EventCreatedDateTime"/> is when the ledger recorded it (Unix ms).
/// A retraction has only <see cref="RetractedEventId"/> and no payload; the event it retracts stays, with
/// <see cref="RetractedBy"/> naming the retraction.
/// </summary>
public sealed record ShipmentEventView(
    string EventId,
    string EventType,
    string EventTypeCode,
    string EventClassifierCode,
    ulong EventDateTime,
    string Location,
    string EquipmentReference,
    string TransportReference,
    string RetractedEventId,
    Address RecordedBy,
    ulong EventCreatedDateTime,
    string RetractedBy)
{
    public bool IsRetraction => RetractedEventId.Length > 0;

    public bool IsRetracted => RetractedBy.Length > 0;
}
