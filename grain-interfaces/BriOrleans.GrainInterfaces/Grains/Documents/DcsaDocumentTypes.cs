using System.Collections.Frozen;

namespace BriOrleans.GrainInterfaces;

/// <summary>DCSA document type codes (reference/dcsa-event-domain-v3.2.0.yaml, <c>documentTypeCode</c>).</summary>
public static class DcsaDocumentTypes
{
    /// <summary>Every code: CBR carrier booking request … TRD transport document, CUC customs clearance, INV invoice, PCE phytosanitary, CEO certificate of origin.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "CBR", "BKG", "SHI", "TRD", "DEI", "DEO", "TRO", "CRO", "ARN", "VGM", "CAS", "CUC", "DGD", "OOG", "CQU", "INV",
        "HCE", "PCE", "VCE", "FCE", "ICE", "CEA", "CEO",
    ];

    private static readonly FrozenSet<string> s_known = All.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string code) => s_known.Contains(code);
}
