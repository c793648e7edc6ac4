using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// What a new shipment must declare. Its creator is its shipper, its carrier, or a forwarder acting for them (then
/// recorded as the creator and treated as involved). The shipper is an exporter or forwarder, the consignee an
/// importer or forwarder, the carrier a carrier; all registered and active. Places are UN/LOCODEs; a non-empty
/// planned route runs from the origin to the destination.
/// </summary>
public static class ShipmentCreationRules
{
    /// <summary>Checks the fields alone, before any organization is read.</summary>
    public static TransactionOutcome? RefuseFields(CreateShipment s, OrganizationView creator)
    {
        if (s.From != s.Shipper && s.From != s.Carrier && !creator.HasRole(OrganizationRoles.Forwarder))
            return Fail(ReasonCodes.NotShipmentParty,
                $"a shipment is created by its shipper, its carrier or a forwarder; {creator.Name} is none of them");
        if (s.Goods.DescriptionHash.IsZero)
            return Fail(ReasonCodes.InvalidField, "goods.descriptionHash: the hash of the goods description is required");
        if (s.Goods.HsCodes.Count == 0)
            return Fail(ReasonCodes.InvalidHsCode, "goods.hsCodes: the goods need at least one HS code");
        if (s.Goods.HsCodes.FirstOrDefault(c => !FieldFormat.IsHsCode(c)) is { } badCode)
            return Fail(ReasonCodes.InvalidHsCode, $"goods.hsCodes: '{badCode}' is not an HS code of 6, 8 or 10 digits");
        if (s.Goods.DeclaredValue.Sign < 0)
            return Fail(ReasonCodes.InvalidAmount, "goods.declaredValue is never negative");
        if (!FieldFormat.IsCurrencyCode(s.Goods.Currency))
            return Fail(ReasonCodes.InvalidCurrency, $"goods.currency '{s.Goods.Currency}' is not an ISO 4217 code in capitals");
        return RefusePlaces(s) ?? RefuseEquipment(s.Equipment);
    }

    /// <summary>Checks the named parties once their organizations are read.</summary>
    public static TransactionOutcome? RefuseParties(
        CreateShipment s, OrganizationView? shipper, OrganizationView? consignee, OrganizationView? carrier) =>
        Organizations.RefuseParty(shipper, s.Shipper, "shipper", OrganizationRoles.Exporter, OrganizationRoles.Forwarder)
        ?? Organizations.RefuseParty(consignee, s.Consignee, "consignee", OrganizationRoles.Importer, OrganizationRoles.Forwarder)
        ?? Organizations.RefuseParty(carrier, s.Carrier, "carrier", OrganizationRoles.Carrier);

    private static TransactionOutcome? RefusePlaces(CreateShipment s)
    {
        foreach (var (field, place) in new[] { ("origin", s.Origin), ("destination", s.Destination) }.Concat(s.PlannedRoute.Select(p => ("plannedRoute", p))))
        {
            if (!UnLocode.IsWellFormed(place))
                return Fail(ReasonCodes.InvalidLocation, $"{field} '{place}' is not a UN/LOCODE (country code and three of A-Z, 2-9)");
        }
        if (s.Origin == s.Destination)
            return Fail(ReasonCodes.InvalidRoute, $"origin and destination are both {s.Origin}");
        if (s.PlannedRoute.Count > 0 && (s.PlannedRoute[0] != s.Origin || s.PlannedRoute[^1] != s.Destination))
            return Fail(ReasonCodes.InvalidRoute, $"a planned route runs from the origin {s.Origin} to the destination {s.Destination}");
        return null;
    }

    private static TransactionOutcome? RefuseEquipment(IReadOnlyList<string> equipment)
    {
        if (equipment.FirstOrDefault(e => !ContainerNumber.IsValid(e)) is { } invalid)
            return Fail(ReasonCodes.InvalidEquipment, $"'{invalid}' is not an ISO 6346 container number (owner code, U/J/Z, six digits, check digit)");
        if (equipment.GroupBy(e => e, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            return Fail(ReasonCodes.InvalidEquipment, $"container {repeated.Key} is listed twice");
        return null;
    }

    private static TransactionOutcome Fail(string code, string message) => TransactionOutcome.Failed(code, message);
}
