using System.Numerics;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Projects;

public sealed class ProjectFinancingTests : BookedShipmentTests
{
    private Task<ProjectView> ProjectAsync() => Ledger.ProjectAsync("PRJ-THAR");

    private async Task RegisterWithCommitmentAsync(BigInteger amount)
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-CN", amount));
    }

    [Fact]
    public async Task A_sponsor_registers_a_project_hosted_in_a_member_country()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());

        var project = await ProjectAsync();
        Assert.Equal(Cast.Sponsor.Address, project.Sponsor);
        Assert.Equal("PK", project.HostCountry);
        Assert.Equal(1_900_000_000_00, project.TotalBudget);
        Assert.Empty(project.Summary);
    }

    [Fact]
    public async Task Only_a_sponsor_registers_a_project_and_only_in_a_member_country()
    {
        await Ledger.RefusesAsync(ReasonCodes.RoleRequired, Cast.LenderCn, Tx.RegisterProject());
        await Ledger.RefusesAsync(ReasonCodes.UnknownCountry, Cast.Sponsor, Tx.RegisterProject(hostCountry: "DE"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidCountry, Cast.Sponsor, Tx.RegisterProject(hostCountry: "Pakistan"));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());
        await Ledger.RefusesAsync(ReasonCodes.ProjectExists, Cast.Sponsor, Tx.RegisterProject());
    }

    [Fact]
    public async Task A_project_states_a_positive_budget_a_currency_a_sector_and_a_description()
    {
        await Ledger.RefusesAsync(ReasonCodes.InvalidAmount, Cast.Sponsor, Tx.RegisterProject(budget: 0));
        await Ledger.RefusesAsync(ReasonCodes.InvalidCurrency, Cast.Sponsor, Tx.RegisterProject(currency: "usd"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Sponsor,
            (from, nonce) => new RegisterProject(from, nonce, "PRJ-THAR", "PK", "", Tx.HashOf("d"), 1, "USD"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Sponsor,
            (from, nonce) => new RegisterProject(from, nonce, "PRJ-THAR", "PK", "energy", Crypto.Hash256.Zero, 1, "USD"));
    }

    [Fact]
    public async Task Lenders_record_commitments_in_any_currency()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());

        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-CN", 500_000_000_00, "CNY"));
        await Ledger.ExecutesAsync(Cast.LenderKz, Tx.Commit("CMT-KZ", 80_000_000_00));

        Assert.Equal(["CMT-CN", "CMT-KZ"], (await ProjectAsync()).Commitments.Select(c => c.CommitmentId));
    }

    [Fact]
    public async Task Only_lenders_commit_once_per_id_with_a_positive_amount()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());

        await Ledger.RefusesAsync(ReasonCodes.RoleRequired, Cast.Exporter, Tx.Commit("CMT-1", 1));
        await Ledger.RefusesAsync(ReasonCodes.InvalidAmount, Cast.LenderCn, Tx.Commit("CMT-1", 0));
        await Ledger.RefusesAsync(ReasonCodes.InvalidCurrency, Cast.LenderCn, Tx.Commit("CMT-1", 1, "YUAN"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownProject, Cast.LenderCn, Tx.Commit("CMT-1", 1, projectId: "PRJ-NONE"));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-1", 1));
        await Ledger.RefusesAsync(ReasonCodes.CommitmentExists, Cast.LenderKz, Tx.Commit("CMT-1", 1));
    }

    [Fact]
    public async Task Disbursements_never_exceed_the_commitment()
    {
        await RegisterWithCommitmentAsync(1_000);

        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 600));
        await Ledger.RefusesAsync(ReasonCodes.ExceedsCommitment, Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-2", 401));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-2", 400));
    }

    [Fact]
    public async Task A_lender_disburses_and_is_repaid_only_under_its_own_commitment()
    {
        await RegisterWithCommitmentAsync(1_000);

        await Ledger.RefusesAsync(ReasonCodes.NotCommitmentLender, Cast.LenderKz, Tx.Disburse("CMT-CN", "DSB-1", 100));
        await Ledger.RefusesAsync(ReasonCodes.UnknownCommitment, Cast.LenderCn, Tx.Disburse("CMT-NONE", "DSB-1", 100));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 100));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-1"));
        await Ledger.RefusesAsync(ReasonCodes.NotCommitmentLender, Cast.LenderKz, Tx.Repay("CMT-CN", "RPY-1", 10));
    }

    [Fact]
    public async Task Flow_ids_are_unique_and_amounts_positive_with_a_value_date()
    {
        await RegisterWithCommitmentAsync(1_000);
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 100));

        await Ledger.RefusesAsync(ReasonCodes.FlowExists, Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 100));
        await Ledger.RefusesAsync(ReasonCodes.InvalidAmount, Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-2", 0));
        await Ledger.RefusesAsync(ReasonCodes.InvalidId, Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB 2", 1));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.LenderCn,
            (from, nonce) => new RecordDisbursement(from, nonce, "PRJ-THAR", "CMT-CN", "DSB-2", 1, 0));
    }

    [Fact]
    public async Task Repayments_never_exceed_what_the_sponsor_acknowledged_as_disbursed()
    {
        await RegisterWithCommitmentAsync(1_000);
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 500));

        await Ledger.RefusesAsync(ReasonCodes.ExceedsDisbursed, Cast.LenderCn, Tx.Repay("CMT-CN", "RPY-1", 1));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-1"));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Repay("CMT-CN", "RPY-1", 300));
        await Ledger.RefusesAsync(ReasonCodes.ExceedsDisbursed, Cast.LenderCn, Tx.Repay("CMT-CN", "RPY-2", 201));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Repay("CMT-CN", "RPY-2", 200));
    }

    [Fact]
    public async Task Only_the_sponsor_acknowledges_and_only_once()
    {
        await RegisterWithCommitmentAsync(1_000);
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 500));

        await Ledger.RefusesAsync(ReasonCodes.NotSponsor, Cast.LenderCn, Tx.AcknowledgeDisbursement("DSB-1"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownFlow, Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-9"));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-1"));
        await Ledger.RefusesAsync(ReasonCodes.AlreadyAcknowledged, Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-1"));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Repay("CMT-CN", "RPY-1", 100));
        await Ledger.RefusesAsync(ReasonCodes.NotSponsor, Cast.LenderCn, Tx.AcknowledgeRepayment("RPY-1"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownFlow, Cast.Sponsor, Tx.AcknowledgeRepayment("DSB-1"));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeRepayment("RPY-1"));
        await Ledger.RefusesAsync(ReasonCodes.AlreadyAcknowledged, Cast.Sponsor, Tx.AcknowledgeRepayment("RPY-1"));
    }

    [Fact]
    public async Task The_summary_shows_each_lenders_figures_per_currency_acknowledged_apart_from_unacknowledged()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-CN-USD", 1_000));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-CN-CNY", 7_000, "CNY"));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-CN-USD-2", 500));
        await Ledger.ExecutesAsync(Cast.LenderKz, Tx.Commit("CMT-KZ", 300));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN-USD", "DSB-1", 800));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN-USD-2", "DSB-2", 500));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Disburse("CMT-CN-CNY", "DSB-3", 7_000));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-1"));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeDisbursement("DSB-3"));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Repay("CMT-CN-USD", "RPY-1", 200));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Repay("CMT-CN-USD", "RPY-2", 100));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AcknowledgeRepayment("RPY-1"));

        var expected = new[]
        {
            new LenderSummaryView(Cast.LenderCn.Address, "CNY", 7_000, 7_000, 0, 0, 0),
            new LenderSummaryView(Cast.LenderCn.Address, "USD", 1_500, 800, 200, 500, 100),
            new LenderSummaryView(Cast.LenderKz.Address, "USD", 300, 0, 0, 0, 0),
        }.OrderBy(s => Grains.Domain.CanonicalText.Of(s.Lender), StringComparer.Ordinal).ThenBy(s => s.Currency, StringComparer.Ordinal);
        Assert.Equal(expected, (await ProjectAsync()).Summary);
        Assert.Equal("CNY", (await ProjectAsync()).Disbursements.Single(d => d.FlowId == "DSB-3").Currency);
    }

    [Fact]
    public async Task Amounts_beyond_uint256_add_up_exactly()
    {
        var max = BigInteger.Pow(2, 256) - 1;
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject(budget: max));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-1", max));
        await Ledger.ExecutesAsync(Cast.LenderCn, Tx.Commit("CMT-2", max));

        Assert.Equal(2 * max, (await ProjectAsync()).Summary.Single().Committed);
    }

    [Fact]
    public async Task Financing_of_an_unknown_project_is_refused()
    {
        await Ledger.RefusesAsync(ReasonCodes.UnknownProject, Cast.LenderCn, Tx.Disburse("CMT-CN", "DSB-1", 1, "PRJ-NONE"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownProject, Cast.Sponsor, Tx.AcknowledgeRepayment("RPY-1", "PRJ-NONE"));
        Assert.Null(await Ledger.Grains.GetGrain<IProjectGrain>("PRJ-NONE").GetAsync());
    }
}
