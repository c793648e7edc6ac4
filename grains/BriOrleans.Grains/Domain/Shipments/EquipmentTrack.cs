namespace BriOrleans.Grains.Domain;

/// <summary>
/// The physical state of one piece of equipment (reference "" stands for the whole consignment of a shipment
/// without equipment): the place it is at, or departed from while <see cref="Underway"/> on <see cref="Transport"/>,
/// and whether it is loaded. Every track starts at the shipment's origin, stationary and not loaded.
/// </summary>
public sealed class EquipmentTrack
{
    public string EquipmentReference { get; set; } = "";

    public string Place { get; set; } = "";

    public bool Underway { get; set; }

    public string Transport { get; set; } = "";

    public bool Loaded { get; set; }

    public static EquipmentTrack AtOrigin(string equipmentReference, string origin) => new() { EquipmentReference = equipmentReference, Place = origin };
}
