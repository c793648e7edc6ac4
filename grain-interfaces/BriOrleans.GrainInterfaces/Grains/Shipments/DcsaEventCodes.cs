namespace BriOrleans.GrainInterfaces;

/// <summary>
/// DCSA Track &amp; Trace event vocabulary (reference/dcsa-event-domain-v3.2.0.yaml): event types, their type codes,
/// and the classifiers.
/// </summary>
public static class DcsaEventCodes
{
    public const string Transport = "TRANSPORT";
    public const string Equipment = "EQUIPMENT";
    public const string Shipment = "SHIPMENT";

    public const string Actual = "ACT";
    public const string Planned = "PLN";
    public const string Estimated = "EST";

    public const string Arrived = "ARRI";
    public const string Departed = "DEPA";

    public const string Loaded = "LOAD";
    public const string Discharged = "DISC";
    public const string GatedOut = "GTOT";
    public const string PickedUp = "PICK";
    public const string Crossed = "CROS";
    public const string CustomsSelectedForScan = "CUSS";
    public const string CustomsSelectedForInspection = "CUSI";
    public const string CustomsReleased = "CUSR";

    public const string OnHold = "HOLD";
    public const string Released = "RELS";

    public static IReadOnlyList<string> Classifiers { get; } = [Actual, Planned, Estimated];

    public static IReadOnlyList<string> TransportCodes { get; } = [Arrived, Departed];

    public static IReadOnlyList<string> EquipmentCodes { get; } =
    [
        Loaded, Discharged, "GTIN", GatedOut, "STUF", "STRP", "AVPU", PickedUp, "AVDO", "DROP", "INSP", "RSEA", "RMVD",
        CustomsSelectedForScan, CustomsSelectedForInspection, CustomsReleased, Crossed,
    ];

    public static IReadOnlyList<string> ShipmentCodes { get; } =
    [
        "RECE", "DRFT", "PENA", "PENU", "PENC", "CONF", "REJE", "APPR", "ISSU", "SURR", "SUBM", "VOID", "REQS", "CMPL",
        OnHold, Released, "CANC",
    ];

    /// <summary>The type codes of an event type; null for a type DCSA does not define here.</summary>
    public static IReadOnlyList<string>? CodesOf(string eventType) => eventType switch
    {
        Transport => TransportCodes,
        Equipment => EquipmentCodes,
        Shipment => ShipmentCodes,
        _ => null,
    };

    /// <summary>True for the codes only a customs organization of the location's country records.</summary>
    public static bool IsCustomsCode(string eventType, string code) =>
        (eventType == Equipment && code is CustomsSelectedForScan or CustomsSelectedForInspection or CustomsReleased)
        || (eventType == Shipment && code is OnHold or Released);
}
