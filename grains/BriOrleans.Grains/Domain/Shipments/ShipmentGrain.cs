using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// A shipment: creation, events (<see cref="ShipmentEventRules"/>), custody and delivery. The shipper holds custody
/// from creation; custody passes when the organization the current custodian offered it to accepts; delivery,
/// confirmed by the consignee at the destination, passes custody to the consignee and closes the shipment.
/// </summary>
[GrainType("shipment")]
public sealed class ShipmentGrain([PersistentState(LedgerState.Name, LedgerState.Storage)] IPersistentState<ShipmentState> state) : Grain, IShipmentGrain
{
    private static readonly string[] CustodianRoles =
        [OrganizationRoles.Carrier, OrganizationRoles.Forwarder, OrganizationRoles.Port, OrganizationRoles.Exporter, OrganizationRoles.Importer];

    private ShipmentState Shipment => state.State;

    public Task<ShipmentView?> GetAsync() => Task.FromResult(state.RecordExists ? ShipmentViews.Of(Shipment) : null);

    public Task<IReadOnlyList<ShipmentEventView>?> GetEventsAsync() => Task.FromResult<IReadOnlyList<ShipmentEventView>?>(
        state.RecordExists ? [.. Shipment.Events.Select(ShipmentViews.Of)] : null);

    public async Task<TransactionOutcome> CreateAsync(CreateShipment transaction, TransactionContext context)
    {
        RequireKey(transaction.ShipmentId);
        if (state.RecordExists)
            return TransactionOutcome.Failed(ReasonCodes.ShipmentExists, $"shipment {transaction.ShipmentId} already exists");
        var creator = context.Sender;
        var refusal = Organizations.RefuseSender(creator, transaction.From) ?? ShipmentCreationRules.RefuseFields(transaction, creator!);
        if (refusal is not null)
            return refusal;
        refusal = ShipmentCreationRules.RefuseParties(
            transaction,
            await FindAsync(transaction.Shipper, creator!),
            await FindAsync(transaction.Consignee, creator!),
            await FindAsync(transaction.Carrier, creator!));
        if (refusal is not null)
            return refusal;

        var shipper = CanonicalText.Of(transaction.Shipper);
        state.State = new ShipmentState
        {
            ShipmentId = transaction.ShipmentId,
            CreatedBy = CanonicalText.Of(transaction.From),
            Shipper = shipper,
            Consignee = CanonicalText.Of(transaction.Consignee),
            Carrier = CanonicalText.Of(transaction.Carrier),
            Origin = transaction.Origin,
            Destination = transaction.Destination,
            Goods = new GoodsRecord
            {
                DescriptionHash = CanonicalText.Of(transaction.Goods.DescriptionHash),
                HsCodes = [.. transaction.Goods.HsCodes],
                DeclaredValue = transaction.Goods.DeclaredValue,
                Currency = transaction.Goods.Currency,
            },
            Equipment = [.. transaction.Equipment],
            PlannedRoute = [.. transaction.PlannedRoute],
            Custodian = shipper,
            CreatedAt = context.Timestamp,
            Tracks = ShipmentReplay.InitialTracks(transaction.Equipment, transaction.Origin),
        };
        foreach (var place in transaction.PlannedRoute.Append(transaction.Origin).Append(transaction.Destination))
            Shipment.Touch(UnLocode.CountryOf(place));
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> RecordEventAsync(RecordShipmentEvent transaction, TransactionContext context)
    {
        RequireKey(transaction.ShipmentId);
        if (!state.RecordExists)
            return UnknownShipment(transaction.ShipmentId);
        var sender = context.Sender;
        var refusal = Organizations.RefuseSender(sender, transaction.From)
            ?? ShipmentEventRules.Refuse(Shipment, transaction, sender!, context.Timestamp);
        if (refusal is not null)
            return refusal;

        var recorded = new ShipmentEventRecord
        {
            EventId = transaction.EventId,
            EventType = transaction.EventType,
            EventTypeCode = transaction.EventTypeCode,
            EventClassifierCode = transaction.EventClassifierCode,
            EventDateTime = transaction.EventDateTime,
            Location = transaction.Location,
            EquipmentReference = transaction.EquipmentReference,
            TransportReference = transaction.TransportReference,
            RetractedEventId = transaction.RetractedEventId,
            RecordedBy = CanonicalText.Of(transaction.From),
            EventCreatedDateTime = context.Timestamp,
        };
        Shipment.Events.Add(recorded);
        if (recorded.IsRetraction)
        {
            Shipment.FindEvent(recorded.RetractedEventId)!.RetractedBy = recorded.EventId;
            ShipmentReplay.Rebuild(Shipment);
        }
        else
        {
            Shipment.Touch(UnLocode.CountryOf(recorded.Location));
            if (recorded.StandsAsActual)
                ShipmentReplay.Apply(Shipment, recorded);
        }
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> HandOverCustodyAsync(HandOverCustody transaction, TransactionContext context)
    {
        RequireKey(transaction.ShipmentId);
        var refusal = RefuseCustodyChange(transaction.ShipmentId);
        if (refusal is not null)
            return refusal;
        if (CanonicalText.Of(transaction.From) != Shipment.Custodian)
            return TransactionOutcome.Failed(ReasonCodes.NotCustodian,
                $"custody of {transaction.ShipmentId} is handed over by its custodian {Shipment.Custodian}, not by {transaction.From}");
        if (CanonicalText.Of(transaction.NewCustodian) == Shipment.Custodian)
            return TransactionOutcome.Failed(ReasonCodes.InvalidCustodian, $"{transaction.NewCustodian} already has custody of {transaction.ShipmentId}");
        refusal = Organizations.RefuseParty(
            await GrainFactory.FindOrganizationAsync(transaction.NewCustodian), transaction.NewCustodian, "new custodian", CustodianRoles);
        if (refusal is not null)
            return refusal;

        Shipment.PendingCustodian = CanonicalText.Of(transaction.NewCustodian);
        Shipment.PendingSince = context.Timestamp;
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> AcceptCustodyAsync(AcceptCustody transaction, TransactionContext context)
    {
        RequireKey(transaction.ShipmentId);
        var refusal = RefuseCustodyChange(transaction.ShipmentId);
        if (refusal is not null)
            return refusal;
        var accepting = CanonicalText.Of(transaction.From);
        if (Shipment.PendingCustodian != accepting)
            return TransactionOutcome.Failed(ReasonCodes.CustodyNotOffered, $"custody of {transaction.ShipmentId} is not offered to {transaction.From}");

        Transfer(accepting, Shipment.PendingSince!.Value, context.Timestamp);
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> ConfirmDeliveryAsync(ConfirmDelivery transaction, TransactionContext context)
    {
        RequireKey(transaction.ShipmentId);
        var refusal = RefuseCustodyChange(transaction.ShipmentId);
        if (refusal is not null)
            return refusal;
        if (CanonicalText.Of(transaction.From) != Shipment.Consignee)
            return TransactionOutcome.Failed(ReasonCodes.NotConsignee, $"delivery of {transaction.ShipmentId} is confirmed by its consignee {Shipment.Consignee}");
        if (!UnLocode.IsWellFormed(transaction.Location))
            return TransactionOutcome.Failed(ReasonCodes.InvalidLocation, $"location '{transaction.Location}' is not a UN/LOCODE");
        if (transaction.Location != Shipment.Destination)
            return TransactionOutcome.Failed(ReasonCodes.WrongLocation,
                $"{transaction.ShipmentId} is delivered at its destination {Shipment.Destination}, not at {transaction.Location}");
        if (Shipment.Holds.Find(h => h.Country == UnLocode.CountryOf(transaction.Location)) is { } hold)
            return TransactionOutcome.Failed(ReasonCodes.ShipmentHeld, $"customs of {hold.Country} hold {transaction.ShipmentId}: it cannot be delivered until released");

        if (Shipment.Custodian != Shipment.Consignee)
            Transfer(Shipment.Consignee, context.Timestamp, context.Timestamp);
        Shipment.PendingCustodian = null;
        Shipment.PendingSince = null;
        Shipment.DeliveredAt = context.Timestamp;
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task AttachDocumentAsync(ShipmentDocumentView document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!state.RecordExists)
            throw new InvalidOperationException($"shipment {this.GetPrimaryKeyString()} does not exist; the document grain checks that before attaching");
        var hash = CanonicalText.Of(document.DocumentHash);
        if (Shipment.Documents.Exists(d => d.DocumentHash == hash))
            return;
        Shipment.Documents.Add(new ShipmentDocumentRecord
        {
            DocumentHash = hash,
            DocumentTypeCode = document.DocumentTypeCode,
            Issuer = CanonicalText.Of(document.Issuer),
        });
        await state.WriteStateAsync();
    }

    private TransactionOutcome? RefuseCustodyChange(string shipmentId)
    {
        if (!state.RecordExists)
            return UnknownShipment(shipmentId);
        return Shipment.Closed
            ? TransactionOutcome.Failed(ReasonCodes.ShipmentClosed, $"shipment {shipmentId} is delivered and closed")
            : null;
    }

    private void Transfer(string to, ulong offeredAt, ulong acceptedAt)
    {
        Shipment.CustodyTransfers.Add(new CustodyTransferRecord { From = Shipment.Custodian, To = to, OfferedAt = offeredAt, AcceptedAt = acceptedAt });
        Shipment.Custodian = to;
        Shipment.PendingCustodian = null;
        Shipment.PendingSince = null;
    }

    private async Task<OrganizationView?> FindAsync(Address address, OrganizationView sender) =>
        address == sender.Address ? sender : await GrainFactory.FindOrganizationAsync(address);

    private void RequireKey(string shipmentId)
    {
        if (shipmentId != this.GetPrimaryKeyString())
            throw new ArgumentException($"a transaction about shipment {shipmentId} was sent to shipment grain {this.GetPrimaryKeyString()}");
    }

    private static TransactionOutcome UnknownShipment(string shipmentId) =>
        TransactionOutcome.Failed(ReasonCodes.UnknownShipment, $"no shipment has the id {shipmentId}");
}
