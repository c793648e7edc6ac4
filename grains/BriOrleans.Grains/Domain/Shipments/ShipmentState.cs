using System.Numerics;
using System.Text.Json.Serialization;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// A shipment as stored: what its creator declared, custody, and every event in record order. <see cref="Tracks"/>
/// and <see cref="Holds"/> follow from the actual events that stand (<see cref="ShipmentReplay"/>); they are kept
/// so that a rule reads them without replaying. Addresses in <see cref="CanonicalText"/>.
/// </summary>
public sealed class ShipmentState
{
    public string ShipmentId { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public string Shipper { get; set; } = "";

    public string Consignee { get; set; } = "";

    public string Carrier { get; set; } = "";

    public string Origin { get; set; } = "";

    public string Destination { get; set; } = "";

    public GoodsRecord Goods { get; set; } = new();

    public List<string> Equipment { get; set; } = [];

    public List<string> PlannedRoute { get; set; } = [];

    public string Custodian { get; set; } = "";

    public string? PendingCustodian { get; set; }

    public ulong? PendingSince { get; set; }

    public ulong CreatedAt { get; set; }

    public ulong? DeliveredAt { get; set; }

    public List<ShipmentEventRecord> Events { get; set; } = [];

    public List<EquipmentTrack> Tracks { get; set; } = [];

    public List<CustomsHold> Holds { get; set; } = [];

    public List<CustodyTransferRecord> CustodyTransfers { get; set; } = [];

    public List<ShipmentDocumentRecord> Documents { get; set; } = [];

    /// <summary>Every country the shipment touches (origin, destination, route, event locations), sorted ordinally.</summary>
    public List<string> Countries { get; set; } = [];

    [JsonIgnore]
    public bool Closed => DeliveredAt is not null;

    public ShipmentEventRecord? FindEvent(string eventId) => Events.Find(e => e.EventId == eventId);

    /// <summary>Adds a country to <see cref="Countries"/>, keeping it sorted and free of repeats.</summary>
    public void Touch(string country)
    {
        var index = Countries.BinarySearch(country, StringComparer.Ordinal);
        if (index < 0)
            Countries.Insert(~index, country);
    }
}

/// <summary>The goods of a shipment as stored.</summary>
public sealed class GoodsRecord
{
    public string DescriptionHash { get; set; } = "";

    public List<string> HsCodes { get; set; } = [];

    [JsonConverter(typeof(MinorUnitsJsonConverter))]
    public BigInteger DeclaredValue { get; set; }

    public string Currency { get; set; } = "";
}

/// <summary>A customs hold in force, one per country.</summary>
public sealed class CustomsHold
{
    public string Country { get; set; } = "";

    public string HeldBy { get; set; } = "";

    public string EventId { get; set; } = "";
}

/// <summary>A completed custody handover.</summary>
public sealed class CustodyTransferRecord
{
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public ulong OfferedAt { get; set; }

    public ulong AcceptedAt { get; set; }
}

/// <summary>A document anchored for the shipment.</summary>
public sealed class ShipmentDocumentRecord
{
    public string DocumentHash { get; set; } = "";

    public string DocumentTypeCode { get; set; } = "";

    public string Issuer { get; set; } = "";
}
