namespace BriOrleans.Grains.Domain;

/// <summary>An anchored document as stored; hashes and addresses in <see cref="CanonicalText"/>.</summary>
public sealed class DocumentState
{
    public string DocumentHash { get; set; } = "";

    public string DocumentTypeCode { get; set; } = "";

    public string Issuer { get; set; } = "";

    public string ShipmentId { get; set; } = "";

    public string Uri { get; set; } = "";

    public ulong AnchoredAt { get; set; }

    public string TransactionHash { get; set; } = "";
}
