using System.Reflection;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Domain;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Execution;

/// <summary>
/// The grains a transaction's execution reads first: its sender's account and the grain the transaction is about
/// (the same one <see cref="TransactionExecutor"/> dispatches to). An epoch prefetches their state in bulk; a grain
/// left out here is still read, one by one, when a rule needs it.
/// </summary>
public static class TouchedGrains
{
    private static readonly string Account = TypeOf<AccountGrain>();
    private static readonly string Shipment = TypeOf<ShipmentGrain>();
    private static readonly string Document = TypeOf<DocumentGrain>();
    private static readonly string Contract = TypeOf<ContractGrain>();
    private static readonly string Project = TypeOf<ProjectGrain>();

    public static IEnumerable<GrainId> Of(ITransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        yield return GrainId.Create(Account, IAccountGrain.KeyOf(transaction.From));
        var (type, key) = transaction switch
        {
            RegisterOrganization t => (Account, IAccountGrain.KeyOf(t.Address)),
            ChangeOrganizationRoles t => (Account, IAccountGrain.KeyOf(t.Address)),
            SuspendOrganization t => (Account, IAccountGrain.KeyOf(t.Address)),
            ReinstateOrganization t => (Account, IAccountGrain.KeyOf(t.Address)),
            AnchorDocument t => (Document, IDocumentGrain.KeyOf(t.DocumentHash)),
            CreateShipment t => (Shipment, t.ShipmentId),
            RecordShipmentEvent t => (Shipment, t.ShipmentId),
            HandOverCustody t => (Shipment, t.ShipmentId),
            AcceptCustody t => (Shipment, t.ShipmentId),
            ConfirmDelivery t => (Shipment, t.ShipmentId),
            ProposeContract t => (Contract, t.ContractId),
            SignContract t => (Contract, t.ContractId),
            AttestContractMilestone t => (Contract, t.ContractId),
            ProposeContractAmendment t => (Contract, t.ContractId),
            SignContractAmendment t => (Contract, t.ContractId),
            TerminateContract t => (Contract, t.ContractId),
            RaiseDispute t => (Contract, t.ContractId),
            ResolveDispute t => (Contract, t.ContractId),
            RegisterProject t => (Project, t.ProjectId),
            RecordCommitment t => (Project, t.ProjectId),
            RecordDisbursement t => (Project, t.ProjectId),
            AcknowledgeDisbursement t => (Project, t.ProjectId),
            RecordRepayment t => (Project, t.ProjectId),
            AcknowledgeRepayment t => (Project, t.ProjectId),
            AttestProjectMilestone t => (Project, t.ProjectId),
            VerifyProjectMilestone t => (Project, t.ProjectId),
            _ => (null, null),
        };
        // A user-chosen id that is no valid key is refused before any grain activates: nothing to prefetch.
        if (type is not null && key is not null && (type == Account || type == Document || FieldFormat.IsId(key)))
            yield return GrainId.Create(type, key);
    }

    private static string TypeOf<TGrain>() => typeof(TGrain).GetCustomAttribute<GrainTypeAttribute>()?.GrainType
        ?? throw new InvalidOperationException($"{typeof(TGrain).Name} has no [GrainType]");
}
