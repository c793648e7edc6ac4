using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// A document anchored by hash, once. Any active organization anchors a document of its own; a document tied to a
/// shipment is anchored by an organization involved in it (a party, its creator, a present or past custodian) or
/// by a customs or regulator organization of a country the shipment touches, and is then listed on the shipment.
/// </summary>
[GrainType("document")]
public sealed class DocumentGrain([PersistentState(LedgerState.Name, LedgerState.Storage)] IPersistentState<DocumentState> state) : Grain, IDocumentGrain
{
    public Task<DocumentView?> GetAsync() => Task.FromResult(state.RecordExists
        ? new DocumentView(
            CanonicalText.Hash(state.State.DocumentHash), state.State.DocumentTypeCode, CanonicalText.Address(state.State.Issuer),
            state.State.ShipmentId, state.State.Uri, state.State.AnchoredAt, CanonicalText.Hash(state.State.TransactionHash))
        : null);

    public async Task<TransactionOutcome> AnchorAsync(AnchorDocument transaction, TransactionContext context)
    {
        // A document is anchored once and seldom read afterwards, so its activation leaves memory after this turn
        // instead of idling for the collection age: at thousands of anchorings a second, that wait held millions of
        // idle activations (about 1.7 KB each with their state). A later read activates it again from storage.
        DeactivateOnIdle();
        if (IDocumentGrain.KeyOf(transaction.DocumentHash) != this.GetPrimaryKeyString())
            throw new ArgumentException($"document {transaction.DocumentHash} was sent to the document grain {this.GetPrimaryKeyString()}");
        var refusal = RefuseFields(transaction);
        if (refusal is not null)
            return refusal;
        var issuer = context.Sender;
        refusal = Organizations.RefuseSender(issuer, transaction.From);
        if (refusal is not null)
            return refusal;
        var shipment = transaction.ShipmentId.Length == 0 ? null : GrainFactory.GetGrain<IShipmentGrain>(transaction.ShipmentId);
        if (shipment is not null)
        {
            refusal = RefuseIssuer(await shipment.GetAsync(), transaction.ShipmentId, issuer!);
            if (refusal is not null)
                return refusal;
        }

        state.State = new DocumentState
        {
            DocumentHash = CanonicalText.Of(transaction.DocumentHash),
            DocumentTypeCode = transaction.DocumentTypeCode,
            Issuer = CanonicalText.Of(transaction.From),
            ShipmentId = transaction.ShipmentId,
            Uri = transaction.Uri,
            AnchoredAt = context.Timestamp,
            TransactionHash = CanonicalText.Of(context.TransactionHash),
        };
        await state.WriteStateAsync();
        if (shipment is not null)
            await shipment.AttachDocumentAsync(new ShipmentDocumentView(transaction.DocumentHash, transaction.DocumentTypeCode, transaction.From));
        return TransactionOutcome.Executed;
    }

    private TransactionOutcome? RefuseFields(AnchorDocument transaction)
    {
        if (state.RecordExists)
            return TransactionOutcome.Failed(ReasonCodes.DocumentExists,
                $"document {transaction.DocumentHash} was anchored already, by {state.State.Issuer}");
        if (transaction.DocumentHash.IsZero)
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, "documentHash: the zero hash is no document's hash");
        if (!DcsaDocumentTypes.IsKnown(transaction.DocumentTypeCode))
            return TransactionOutcome.Failed(ReasonCodes.UnknownDocumentType,
                $"'{transaction.DocumentTypeCode}' is not a DCSA document type code; they are {string.Join(", ", DcsaDocumentTypes.All)}");
        if (!FieldFormat.IsToken(transaction.Uri, FieldFormat.MaxUriLength))
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, $"uri: at most {FieldFormat.MaxUriLength} characters without spaces");
        return transaction.ShipmentId.Length > 0 && !FieldFormat.IsId(transaction.ShipmentId)
            ? TransactionOutcome.Failed(ReasonCodes.InvalidId, $"shipmentId '{transaction.ShipmentId}' is not a valid id")
            : null;
    }

    private static TransactionOutcome? RefuseIssuer(ShipmentView? shipment, string shipmentId, OrganizationView issuer)
    {
        if (shipment is null)
            return TransactionOutcome.Failed(ReasonCodes.UnknownShipment, $"no shipment has the id {shipmentId}");
        var authority = (issuer.HasRole(OrganizationRoles.Customs) || issuer.HasRole(OrganizationRoles.Regulator))
            && shipment.Countries.Contains(issuer.Country);
        return authority || shipment.Involves(issuer.Address)
            ? null
            : TransactionOutcome.Failed(ReasonCodes.NotShipmentParty,
                $"{issuer.Name} has no part in shipment {shipmentId} and is not customs or a regulator of a country it touches");
    }
}
