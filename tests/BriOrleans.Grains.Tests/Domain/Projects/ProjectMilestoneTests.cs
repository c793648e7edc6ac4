using BriOrleans.Execution;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Projects;

public sealed class ProjectMilestoneTests : BookedShipmentTests
{
    [Fact]
    public async Task The_sponsor_attests_and_an_auditor_verifies()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AttestProjectMilestone("MS-GROUNDBREAKING"));
        var attestedAt = Ledger.Now;
        await Ledger.ExecutesAsync(Cast.Auditor, Tx.VerifyProjectMilestone("MS-GROUNDBREAKING"));

        var milestone = Assert.Single((await Ledger.ProjectAsync("PRJ-THAR")).Milestones);
        Assert.Equal(attestedAt, milestone.AttestedAt);
        Assert.Equal(Cast.Auditor.Address, milestone.VerifiedBy);
        Assert.Equal(Ledger.Now, milestone.VerifiedAt);
    }

    [Fact]
    public async Task Only_the_sponsor_attests_each_milestone_once()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());

        await Ledger.RefusesAsync(ReasonCodes.NotSponsor, Cast.LenderCn, Tx.AttestProjectMilestone("MS-1"));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AttestProjectMilestone("MS-1"));
        await Ledger.RefusesAsync(ReasonCodes.MilestoneExists, Cast.Sponsor, Tx.AttestProjectMilestone("MS-1"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidId, Cast.Sponsor, Tx.AttestProjectMilestone("MS 2"));
        await Ledger.RefusesAsync(ReasonCodes.InvalidField, Cast.Sponsor,
            (from, nonce) => new Transactions.AttestProjectMilestone(from, nonce, "PRJ-THAR", "MS-2", Crypto.Hash256.Zero));
    }

    [Fact]
    public async Task A_regulator_verifies_only_in_the_host_country_and_others_not_at_all()
    {
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AttestProjectMilestone("MS-1"));

        await Ledger.RefusesAsync(ReasonCodes.RoleRequired, Cast.LenderCn, Tx.VerifyProjectMilestone("MS-1"));
        await Ledger.RefusesAsync(ReasonCodes.RegulatorWrongCountry, Cast.RegulatorCn, Tx.VerifyProjectMilestone("MS-1"));
        await Ledger.ExecutesAsync(Cast.RegulatorPk, Tx.VerifyProjectMilestone("MS-1"));
        await Ledger.RefusesAsync(ReasonCodes.MilestoneVerified, Cast.Auditor, Tx.VerifyProjectMilestone("MS-1"));
        await Ledger.RefusesAsync(ReasonCodes.UnknownMilestone, Cast.Auditor, Tx.VerifyProjectMilestone("MS-2"));
    }

    [Fact]
    public async Task The_sponsor_never_verifies_its_own_milestone()
    {
        await Ledger.ExecutesAsync(TestLedger.Registrar("PK"), (from, nonce) => new Transactions.ChangeOrganizationRoles(
            from, nonce, Cast.Sponsor.Address, [GrainInterfaces.OrganizationRoles.Sponsor, GrainInterfaces.OrganizationRoles.Auditor]));
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.RegisterProject());
        await Ledger.ExecutesAsync(Cast.Sponsor, Tx.AttestProjectMilestone("MS-1"));

        await Ledger.RefusesAsync(ReasonCodes.VerifierNotIndependent, Cast.Sponsor, Tx.VerifyProjectMilestone("MS-1"));
    }
}
