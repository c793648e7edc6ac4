using BriOrleans.Execution;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.GrainInterfaces;

/// <summary>A shipment, keyed by the id its creator chose (for example the carrier booking reference).</summary>
public interface IShipmentGrain : IGrainWithStringKey
{
    /// <summary>The shipment; null when no shipment has this id.</summary>
    Task<ShipmentView?> GetAsync();

    /// <summary>Every event in the order recorded, retractions and retracted events included; null when no shipment has this id.</summary>
    Task<IReadOnlyList<ShipmentEventView>?> GetEventsAsync();

    Task<TransactionOutcome> CreateAsync(CreateShipment transaction, TransactionContext context);

    Task<TransactionOutcome> RecordEventAsync(RecordShipmentEvent transaction, TransactionContext context);

    Task<TransactionOutcome> HandOverCustodyAsync(HandOverCustody transaction, TransactionContext context);

    Task<TransactionOutcome> AcceptCustodyAsync(AcceptCustody transaction, TransactionContext context);

    Task<TransactionOutcome> ConfirmDeliveryAsync(ConfirmDelivery transaction, TransactionContext context);

    /// <summary>
    /// Lists a document the document grain has anchored for this shipment, after that grain checked every rule;
    /// throws when the shipment does not exist.
    /// </summary>
    Task AttachDocumentAsync(ShipmentDocumentView document);
}
