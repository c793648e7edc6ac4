using System.Numerics;
using BriOrleans.Crypto;

namespace BriOrleans.Transactions;

/// <summary>What a shipment carries: a hash of the description, HS codes and the declared value in minor units.</summary>
public sealed record Goods(Hash256 DescriptionHash, IReadOnlyList<string> HsCodes, BigInteger DeclaredValue, string Currency);

/// <summary>Opens a shipment keyed by an id its creator chooses (for example the carrier booking reference).</summary>
[TransactionKind("create-shipment")]
public sealed record CreateShipment(
    Address From, ulong Nonce, string ShipmentId, Address Shipper, Address Consignee, Address Carrier,
    string Origin, string Destination, Goods Goods, IReadOnlyList<string> Equipment,
    IReadOnlyList<string> PlannedRoute) : ITransaction;

/// <summary>
/// A DCSA Track &amp; Trace event: type (TRANSPORT, EQUIPMENT, SHIPMENT), its code (ARRI, LOAD, CUSR, HOLD, ...),
/// classifier (ACT, PLN, EST), time in Unix seconds and UN/LOCODE location; optionally the earlier event it retracts.
/// </summary>
[TransactionKind("record-shipment-event")]
public sealed record RecordShipmentEvent(
    Address From, ulong Nonce, string ShipmentId, string EventId, string EventType, string EventTypeCode,
    string EventClassifierCode, ulong EventDateTime, string Location, string EquipmentReference = "",
    string TransportReference = "", string RetractedEventId = "") : ITransaction;

/// <summary>The current custodian offers custody of a shipment to the next one.</summary>
[TransactionKind("hand-over-custody")]
public sealed record HandOverCustody(Address From, ulong Nonce, string ShipmentId, Address NewCustodian) : ITransaction;

/// <summary>The offered custodian accepts: custody passes.</summary>
[TransactionKind("accept-custody")]
public sealed record AcceptCustody(Address From, ulong Nonce, string ShipmentId) : ITransaction;

/// <summary>The consignee confirms delivery: the shipment closes.</summary>
[TransactionKind("confirm-delivery")]
public sealed record ConfirmDelivery(Address From, ulong Nonce, string ShipmentId, string Location) : ITransaction;

/// <summary>Anchors a document by hash (DCSA document type codes: TRD, CEO, INV, CUC, PCE, ...), optionally tied to a shipment.</summary>
[TransactionKind("anchor-document")]
public sealed record AnchorDocument(
    Address From, ulong Nonce, string DocumentTypeCode, Hash256 DocumentHash, string ShipmentId = "",
    string Uri = "") : ITransaction;
