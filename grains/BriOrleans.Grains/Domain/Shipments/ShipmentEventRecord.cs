using System.Text.Json.Serialization;
using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>A recorded shipment event as stored (DCSA names; see ShipmentEventView for the meaning of each field).</summary>
public sealed class ShipmentEventRecord
{
    public string EventId { get; set; } = "";

    public string EventType { get; set; } = "";

    public string EventTypeCode { get; set; } = "";

    public string EventClassifierCode { get; set; } = "";

    public ulong EventDateTime { get; set; }

    public string Location { get; set; } = "";

    public string EquipmentReference { get; set; } = "";

    public string TransportReference { get; set; } = "";

    public string RetractedEventId { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public ulong EventCreatedDateTime { get; set; }

    /// <summary>The id of the retraction that retracted this event; "" while it stands.</summary>
    public string RetractedBy { get; set; } = "";

    [JsonIgnore]
    public bool IsRetraction => RetractedEventId.Length > 0;

    /// <summary>True for an actual event that has not been retracted: the events the physical state follows.</summary>
    [JsonIgnore]
    public bool StandsAsActual => !IsRetraction && RetractedBy.Length == 0 && EventClassifierCode == DcsaEventCodes.Actual;
}
