using System.Numerics;
using System.Text;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Node.Tests.Hosting;

/// <summary>
/// Valid transactions of a small trade between China and Kazakhstan, for tests that need the ledger to do real
/// work: registering organizations, a shipment from Shanghai to Almaty, planned arrivals and anchored documents.
/// </summary>
public static class TradeTransactions
{
    public const string Origin = "CNSHA";
    public const string Destination = "KZALA";
    public const string Train = "X8001";

    /// <summary>Roles that let one organization create a shipment as its shipper and carrier, and receive one as consignee.</summary>
    public static readonly string[] TraderRoles = [OrganizationRoles.Carrier, OrganizationRoles.Exporter, OrganizationRoles.Importer];

    public static RegisterOrganization Register(PrivateKey registrar, ulong nonce, Address organization, string name, string country, params string[] roles) =>
        new(registrar.Address, nonce, organization, name, country, roles);

    /// <summary>A shipment its sender ships and carries itself, to <paramref name="consignee"/>.</summary>
    public static CreateShipment Shipment(Address sender, ulong nonce, string shipmentId, Address consignee) =>
        new(sender, nonce, shipmentId, sender, consignee, sender, Origin, Destination,
            new Goods(HashOf("400 t of raw cotton, " + shipmentId), ["520100"], new BigInteger(125_000_000), "USD"), [], []);

    /// <summary>A planned arrival of the train at the destination; planned events are not held to the physical order.</summary>
    public static RecordShipmentEvent PlannedArrival(Address sender, ulong nonce, string shipmentId, string eventId) =>
        new(sender, nonce, shipmentId, eventId, DcsaEventCodes.Transport, DcsaEventCodes.Arrived, DcsaEventCodes.Planned,
            1_900_000_000, Destination, TransportReference: Train);

    /// <summary>A commercial invoice for <paramref name="shipmentId"/> whose file reads <paramref name="content"/>.</summary>
    public static AnchorDocument Invoice(Address sender, ulong nonce, string content, string shipmentId = "") =>
        new(sender, nonce, "INV", HashOf(content), shipmentId);

    public static Hash256 HashOf(string content) => Keccak.Hash(Encoding.UTF8.GetBytes(content));
}
