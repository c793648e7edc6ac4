using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Domain;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Execution;

/// <summary>
/// Executes one transaction of the consensus total order: the nonce rule on the sender's account (a used or
/// future nonce skips the transaction and changes nothing; the next nonce is consumed whatever follows), then
/// the sender must be a registered, active organization, then the grain the transaction is about applies its
/// rules. A rule violation fails the transaction and changes nothing but the consumed nonce, because every grain
/// checks all its rules, reading other grains first, before it writes. The signature was verified when the
/// block carrying the transaction was accepted; this trusts <see cref="ITransaction.From"/>.
/// </summary>
public sealed class TransactionExecutor(IGrainFactory grains)
{
    public async Task<TransactionOutcome> ExecuteAsync(SignedTransaction transaction, TransactionContext context)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(context);
        if (context.TransactionHash != transaction.Hash)
            throw new ArgumentException($"the context is for transaction {context.TransactionHash}, not {transaction.Hash}", nameof(context));
        var tx = transaction.Transaction;
        var check = await Account(tx.From).UseNonceAsync(tx.Nonce);
        return check.Use switch
        {
            NonceUse.AlreadyUsed => TransactionOutcome.NonceUsed,
            NonceUse.Ahead => TransactionOutcome.NonceAhead,
            _ => Organizations.RefuseSender(check.Organization, tx.From) ?? await DispatchAsync(tx, context with { Sender = check.Organization }),
        };
    }

    private Task<TransactionOutcome> DispatchAsync(ITransaction tx, TransactionContext context) => tx switch
    {
        RegisterOrganization t => Account(t.Address).RegisterAsync(t, context),
        ChangeOrganizationRoles t => Account(t.Address).ChangeRolesAsync(t, context),
        SuspendOrganization t => Account(t.Address).SuspendAsync(t, context),
        ReinstateOrganization t => Account(t.Address).ReinstateAsync(t, context),

        CreateShipment t => Keyed<IShipmentGrain>(t.ShipmentId, "shipmentId", g => g.CreateAsync(t, context)),
        RecordShipmentEvent t => Keyed<IShipmentGrain>(t.ShipmentId, "shipmentId", g => g.RecordEventAsync(t, context)),
        HandOverCustody t => Keyed<IShipmentGrain>(t.ShipmentId, "shipmentId", g => g.HandOverCustodyAsync(t, context)),
        AcceptCustody t => Keyed<IShipmentGrain>(t.ShipmentId, "shipmentId", g => g.AcceptCustodyAsync(t, context)),
        ConfirmDelivery t => Keyed<IShipmentGrain>(t.ShipmentId, "shipmentId", g => g.ConfirmDeliveryAsync(t, context)),
        AnchorDocument t => grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(t.DocumentHash)).AnchorAsync(t, context),

        ProposeContract t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.ProposeAsync(t, context)),
        SignContract t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.SignAsync(t, context)),
        AttestContractMilestone t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.AttestMilestoneAsync(t, context)),
        ProposeContractAmendment t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.ProposeAmendmentAsync(t, context)),
        SignContractAmendment t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.SignAmendmentAsync(t, context)),
        TerminateContract t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.TerminateAsync(t, context)),
        RaiseDispute t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.RaiseDisputeAsync(t, context)),
        ResolveDispute t => Keyed<IContractGrain>(t.ContractId, "contractId", g => g.ResolveDisputeAsync(t, context)),

        RegisterProject t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.RegisterAsync(t, context)),
        RecordCommitment t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.RecordCommitmentAsync(t, context)),
        RecordDisbursement t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.RecordDisbursementAsync(t, context)),
        AcknowledgeDisbursement t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.AcknowledgeDisbursementAsync(t, context)),
        RecordRepayment t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.RecordRepaymentAsync(t, context)),
        AcknowledgeRepayment t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.AcknowledgeRepaymentAsync(t, context)),
        AttestProjectMilestone t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.AttestMilestoneAsync(t, context)),
        VerifyProjectMilestone t => Keyed<IProjectGrain>(t.ProjectId, "projectId", g => g.VerifyMilestoneAsync(t, context)),

        _ => throw new ArgumentException($"no grain executes transactions of kind {tx.GetType().Name}", nameof(tx)),
    };

    private IAccountGrain Account(Address address) => grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(address));

    /// <summary>Calls the grain keyed by a user-chosen id, refusing an id that is no valid grain key before any grain is activated.</summary>
    private Task<TransactionOutcome> Keyed<TGrain>(string id, string field, Func<TGrain, Task<TransactionOutcome>> call)
        where TGrain : IGrainWithStringKey =>
        FieldFormat.IsId(id)
            ? call(grains.GetGrain<TGrain>(id))
            : Task.FromResult(TransactionOutcome.Failed(ReasonCodes.InvalidId,
                $"{field} '{id}' must be 1-{FieldFormat.MaxIdLength} of A-Z a-z 0-9 . _ : / -"));
}
