using System.Numerics;
using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// A financed project: a sponsor registers it in a member country; lenders record commitments, and under their
/// own commitments disbursements and repayments (<see cref="ProjectFinancingRules"/>) that the sponsor
/// acknowledges; the sponsor attests milestones, which an auditor, or a regulator of the host country, verifies
/// (never the sponsor itself).
/// </summary>
[GrainType("project")]
public sealed class ProjectGrain([PersistentState(LedgerState.Name, LedgerState.Storage)] IPersistentState<ProjectState> state) : Grain, IProjectGrain
{
    private ProjectState Project => state.State;

    public Task<ProjectView?> GetAsync() => Task.FromResult(state.RecordExists ? ProjectViews.Of(Project) : null);

    public async Task<TransactionOutcome> RegisterAsync(RegisterProject transaction, TransactionContext context)
    {
        RequireKey(transaction.ProjectId);
        if (state.RecordExists)
            return Fail(ReasonCodes.ProjectExists, $"project {transaction.ProjectId} already exists");
        var sponsor = context.Sender;
        var refusal = Organizations.RefuseSender(sponsor, transaction.From)
            ?? Organizations.RefuseWithoutRole(sponsor!, OrganizationRoles.Sponsor, "registering a project")
            ?? RefuseRegistration(transaction);
        if (refusal is not null)
            return refusal;
        if (await GrainFactory.FindCountryAsync(transaction.HostCountry) is null)
            return Fail(ReasonCodes.UnknownCountry, $"{transaction.HostCountry} is not a member country");

        state.State = new ProjectState
        {
            ProjectId = transaction.ProjectId,
            Sponsor = CanonicalText.Of(transaction.From),
            HostCountry = transaction.HostCountry,
            Sector = transaction.Sector,
            DescriptionHash = CanonicalText.Of(transaction.DescriptionHash),
            TotalBudget = transaction.TotalBudget,
            Currency = transaction.Currency,
            RegisteredAt = context.Timestamp,
        };
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> RecordCommitmentAsync(RecordCommitment transaction, TransactionContext context)
    {
        var refusal = RefuseUnknown(transaction.ProjectId);
        if (refusal is not null)
            return refusal;
        var lender = context.Sender;
        refusal = Organizations.RefuseSender(lender, transaction.From)
            ?? Organizations.RefuseWithoutRole(lender!, OrganizationRoles.Lender, "recording a commitment")
            ?? RefuseNewId(transaction.CommitmentId, "commitmentId", Project.Commitments.Exists(c => c.CommitmentId == transaction.CommitmentId), ReasonCodes.CommitmentExists)
            ?? RefusePositive(transaction.Amount);
        if (refusal is not null)
            return refusal;
        if (!FieldFormat.IsCurrencyCode(transaction.Currency))
            return Fail(ReasonCodes.InvalidCurrency, $"currency '{transaction.Currency}' is not an ISO 4217 code in capitals");
        if (transaction.TermsHash.IsZero)
            return Fail(ReasonCodes.InvalidField, "termsHash: the hash of the loan terms is required");

        Project.Commitments.Add(new CommitmentRecord
        {
            CommitmentId = transaction.CommitmentId,
            Lender = CanonicalText.Of(transaction.From),
            Amount = transaction.Amount,
            Currency = transaction.Currency,
            TermsHash = CanonicalText.Of(transaction.TermsHash),
            RecordedAt = context.Timestamp,
        });
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public Task<TransactionOutcome> RecordDisbursementAsync(RecordDisbursement transaction, TransactionContext context) =>
        RecordFlowAsync(Project.Disbursements, transaction.ProjectId, transaction.CommitmentId, transaction.DisbursementId, transaction.From,
            transaction.Amount, transaction.ValueDate, context, ProjectFinancingRules.RefuseDisbursement);

    public Task<TransactionOutcome> RecordRepaymentAsync(RecordRepayment transaction, TransactionContext context) =>
        RecordFlowAsync(Project.Repayments, transaction.ProjectId, transaction.CommitmentId, transaction.RepaymentId, transaction.From,
            transaction.Amount, transaction.ValueDate, context, ProjectFinancingRules.RefuseRepayment);

    public Task<TransactionOutcome> AcknowledgeDisbursementAsync(AcknowledgeDisbursement transaction, TransactionContext context) =>
        AcknowledgeAsync(Project.Disbursements, transaction.ProjectId, transaction.DisbursementId, transaction.From, "disbursement", context);

    public Task<TransactionOutcome> AcknowledgeRepaymentAsync(AcknowledgeRepayment transaction, TransactionContext context) =>
        AcknowledgeAsync(Project.Repayments, transaction.ProjectId, transaction.RepaymentId, transaction.From, "repayment", context);

    public async Task<TransactionOutcome> AttestMilestoneAsync(AttestProjectMilestone transaction, TransactionContext context)
    {
        var refusal = RefuseUnknown(transaction.ProjectId) ?? RefuseUnlessSponsor(transaction.From)
            ?? RefuseNewId(transaction.MilestoneId, "milestoneId", Project.Milestones.Exists(m => m.MilestoneId == transaction.MilestoneId), ReasonCodes.MilestoneExists);
        if (refusal is not null)
            return refusal;
        if (transaction.DescriptionHash.IsZero)
            return Fail(ReasonCodes.InvalidField, "descriptionHash: the hash of the milestone report is required");

        Project.Milestones.Add(new ProjectMilestoneRecord
        {
            MilestoneId = transaction.MilestoneId,
            DescriptionHash = CanonicalText.Of(transaction.DescriptionHash),
            AttestedAt = context.Timestamp,
        });
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> VerifyMilestoneAsync(VerifyProjectMilestone transaction, TransactionContext context)
    {
        var refusal = RefuseUnknown(transaction.ProjectId);
        if (refusal is not null)
            return refusal;
        var verifier = context.Sender;
        refusal = Organizations.RefuseSender(verifier, transaction.From) ?? RefuseVerifier(verifier!);
        if (refusal is not null)
            return refusal;
        if (Project.Milestones.Find(m => m.MilestoneId == transaction.MilestoneId) is not { } milestone)
            return Fail(ReasonCodes.UnknownMilestone, $"project {Project.ProjectId} has no attested milestone {transaction.MilestoneId}");
        if (milestone.VerifiedAt is not null)
            return Fail(ReasonCodes.MilestoneVerified, $"milestone {milestone.MilestoneId} was verified already, by {milestone.VerifiedBy}");

        milestone.VerifiedBy = CanonicalText.Of(transaction.From);
        milestone.VerifiedAt = context.Timestamp;
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    private async Task<TransactionOutcome> RecordFlowAsync(
        List<FinancingFlowRecord> flows, string projectId, string commitmentId, string flowId, Address from, BigInteger amount, ulong valueDate,
        TransactionContext context, Func<ProjectState, CommitmentRecord, BigInteger, TransactionOutcome?> refuseAmount)
    {
        var refusal = RefuseUnknown(projectId);
        if (refusal is not null)
            return refusal;
        if (Project.Commitments.Find(c => c.CommitmentId == commitmentId) is not { } commitment)
            return Fail(ReasonCodes.UnknownCommitment, $"project {projectId} has no commitment {commitmentId}");
        if (commitment.Lender != CanonicalText.Of(from))
            return Fail(ReasonCodes.NotCommitmentLender, $"commitment {commitmentId} is the lender {commitment.Lender}'s, not {from}'s");
        refusal = RefuseNewId(flowId, "flow id", flows.Exists(f => f.FlowId == flowId), ReasonCodes.FlowExists)
            ?? RefusePositive(amount)
            ?? (valueDate == 0 ? Fail(ReasonCodes.InvalidField, "valueDate: the value date in Unix seconds is required") : null)
            ?? refuseAmount(Project, commitment, amount);
        if (refusal is not null)
            return refusal;

        flows.Add(new FinancingFlowRecord
        {
            FlowId = flowId,
            CommitmentId = commitmentId,
            Lender = commitment.Lender,
            Amount = amount,
            ValueDate = valueDate,
            RecordedAt = context.Timestamp,
        });
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    private async Task<TransactionOutcome> AcknowledgeAsync(
        List<FinancingFlowRecord> flows, string projectId, string flowId, Address from, string kind, TransactionContext context)
    {
        var refusal = RefuseUnknown(projectId) ?? RefuseUnlessSponsor(from);
        if (refusal is not null)
            return refusal;
        if (flows.Find(f => f.FlowId == flowId) is not { } flow)
            return Fail(ReasonCodes.UnknownFlow, $"project {projectId} has no {kind} {flowId}");
        if (flow.AcknowledgedAt is not null)
            return Fail(ReasonCodes.AlreadyAcknowledged, $"{kind} {flowId} was acknowledged already");

        flow.AcknowledgedAt = context.Timestamp;
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    private static TransactionOutcome? RefuseRegistration(RegisterProject transaction)
    {
        if (!FieldFormat.IsCountryCode(transaction.HostCountry))
            return Fail(ReasonCodes.InvalidCountry, $"hostCountry '{transaction.HostCountry}' is not an ISO 3166-1 alpha-2 code in capitals");
        if (!FieldFormat.IsText(transaction.Sector, FieldFormat.MaxIdLength))
            return Fail(ReasonCodes.InvalidField, $"sector: 1-{FieldFormat.MaxIdLength} characters");
        if (transaction.DescriptionHash.IsZero)
            return Fail(ReasonCodes.InvalidField, "descriptionHash: the hash of the project description is required");
        if (!FieldFormat.IsCurrencyCode(transaction.Currency))
            return Fail(ReasonCodes.InvalidCurrency, $"currency '{transaction.Currency}' is not an ISO 4217 code in capitals");
        return RefusePositive(transaction.TotalBudget);
    }

    private TransactionOutcome? RefuseVerifier(OrganizationView verifier)
    {
        if (!verifier.HasRole(OrganizationRoles.Auditor) && !verifier.HasRole(OrganizationRoles.Regulator))
            return Fail(ReasonCodes.RoleRequired, $"a milestone is verified by an auditor or a regulator; {verifier.Name} is neither");
        if (!verifier.HasRole(OrganizationRoles.Auditor) && verifier.Country != Project.HostCountry)
            return Fail(ReasonCodes.RegulatorWrongCountry,
                $"{verifier.Name} regulates {verifier.Country}; project {Project.ProjectId} is hosted in {Project.HostCountry}");
        return CanonicalText.Of(verifier.Address) == Project.Sponsor
            ? Fail(ReasonCodes.VerifierNotIndependent, "the sponsor cannot verify its own milestone")
            : null;
    }

    private TransactionOutcome? RefuseUnknown(string projectId)
    {
        RequireKey(projectId);
        return state.RecordExists ? null : Fail(ReasonCodes.UnknownProject, $"no project has the id {projectId}");
    }

    private TransactionOutcome? RefuseUnlessSponsor(Address from) => CanonicalText.Of(from) == Project.Sponsor
        ? null
        : Fail(ReasonCodes.NotSponsor, $"{from} is not the sponsor of project {Project.ProjectId}");

    private static TransactionOutcome? RefuseNewId(string id, string field, bool exists, string existsCode)
    {
        if (!FieldFormat.IsId(id))
            return Fail(ReasonCodes.InvalidId, $"{field} '{id}' is not a valid id");
        return exists ? Fail(existsCode, $"{field} {id} is already recorded") : null;
    }

    private static TransactionOutcome? RefusePositive(BigInteger amount) =>
        amount.Sign > 0 ? null : Fail(ReasonCodes.InvalidAmount, $"an amount is a positive number of minor units, got {amount}");

    private static TransactionOutcome Fail(string code, string message) => TransactionOutcome.Failed(code, message);

    private void RequireKey(string projectId)
    {
        if (projectId != this.GetPrimaryKeyString())
            throw new ArgumentException($"a transaction about project {projectId} was sent to project grain {this.GetPrimaryKeyString()}");
    }
}
