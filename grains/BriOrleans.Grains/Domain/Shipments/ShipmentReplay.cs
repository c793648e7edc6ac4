using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// Derives a shipment's physical tracks and customs holds from its standing actual events, in record order:
/// applied one event at a time as events are recorded, and from scratch after a retraction removes one.
/// </summary>
public static class ShipmentReplay
{
    /// <summary>One track per piece of equipment, or one for the whole consignment when the shipment lists none.</summary>
    public static List<EquipmentTrack> InitialTracks(IReadOnlyList<string> equipment, string origin) =>
        equipment.Count == 0
            ? [EquipmentTrack.AtOrigin("", origin)]
            : [.. equipment.Select(e => EquipmentTrack.AtOrigin(e, origin))];

    /// <summary>
    /// The tracks an event concerns: the named piece of equipment, or for a transport event naming none every track
    /// (the whole consignment moves on the transport); a shipment event concerns none.
    /// </summary>
    public static IEnumerable<EquipmentTrack> TracksOf(ShipmentState shipment, string eventType, string equipmentReference) =>
        eventType == DcsaEventCodes.Shipment ? []
        : equipmentReference.Length > 0 ? shipment.Tracks.Where(t => t.EquipmentReference == equipmentReference)
        : shipment.Tracks;

    /// <summary>Applies one standing actual event.</summary>
    public static void Apply(ShipmentState shipment, ShipmentEventRecord actual)
    {
        if (actual.EventType == DcsaEventCodes.Shipment)
        {
            ApplyHold(shipment, actual);
            return;
        }
        foreach (var track in TracksOf(shipment, actual.EventType, actual.EquipmentReference))
            PhysicalOrder.Apply(track, actual.EventTypeCode, actual.Location, actual.TransportReference);
    }

    /// <summary>Recomputes tracks and holds from every standing actual event.</summary>
    public static void Rebuild(ShipmentState shipment)
    {
        shipment.Tracks = InitialTracks(shipment.Equipment, shipment.Origin);
        shipment.Holds = [];
        foreach (var actual in shipment.Events.Where(e => e.StandsAsActual))
            Apply(shipment, actual);
    }

    private static void ApplyHold(ShipmentState shipment, ShipmentEventRecord actual)
    {
        var country = UnLocode.CountryOf(actual.Location);
        var index = shipment.Holds.FindIndex(h => h.Country == country);
        if (actual.EventTypeCode == DcsaEventCodes.OnHold && index < 0)
        {
            var at = shipment.Holds.FindIndex(h => string.CompareOrdinal(h.Country, country) > 0);
            shipment.Holds.Insert(at < 0 ? shipment.Holds.Count : at,
                new CustomsHold { Country = country, HeldBy = actual.RecordedBy, EventId = actual.EventId });
        }
        else if (actual.EventTypeCode == DcsaEventCodes.Released && index >= 0)
        {
            shipment.Holds.RemoveAt(index);
        }
    }
}
