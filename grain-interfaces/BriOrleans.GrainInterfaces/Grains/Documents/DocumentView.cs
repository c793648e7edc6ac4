using BriOrleans.Crypto;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// An anchored document: its hash and DCSA type code, who anchored it, when (Unix ms) and by which transaction,
/// the shipment it belongs to ("" for none) and where the file may be fetched ("" when not given).
/// </summary>
public sealed record DocumentView(
    Hash256 DocumentHash, string DocumentTypeCode, Address Issuer, string ShipmentId, string Uri, ulong AnchoredAt,
    Hash256 TransactionHash);
