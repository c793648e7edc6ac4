using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Accounts;

public sealed class RegistrarActionTests
{
    private static Func<Crypto.Address, ulong, ITransaction> Suspend(Crypto.Address address, string reason = "licence revoked") =>
        (from, nonce) => new SuspendOrganization(from, nonce, address, reason);

    private static Func<Crypto.Address, ulong, ITransaction> Reinstate(Crypto.Address address) =>
        (from, nonce) => new ReinstateOrganization(from, nonce, address);

    private static Func<Crypto.Address, ulong, ITransaction> ChangeRoles(Crypto.Address address, params string[] roles) =>
        (from, nonce) => new ChangeOrganizationRoles(from, nonce, address, roles);

    [Fact]
    public async Task A_registrar_suspends_and_reinstates_an_organization_of_its_country()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.ExecutesAsync(TestLedger.Registrar("KZ"), Suspend(cast.Forwarder.Address));
        var suspended = await ledger.OrganizationAsync(cast.Forwarder.Address);
        await ledger.ExecutesAsync(TestLedger.Registrar("KZ"), Reinstate(cast.Forwarder.Address));
        var reinstated = await ledger.OrganizationAsync(cast.Forwarder.Address);

        Assert.Equal(OrganizationStatus.Suspended, suspended?.Status);
        Assert.Equal("licence revoked", suspended?.SuspensionReason);
        Assert.Equal(OrganizationStatus.Active, reinstated?.Status);
        Assert.Equal("", reinstated?.SuspensionReason);
    }

    [Fact]
    public async Task A_registrar_of_another_country_can_neither_suspend_nor_reinstate_nor_change_roles()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.NotRegistrarOfCountry, TestLedger.Registrar("CN"), Suspend(cast.Forwarder.Address));
        await ledger.RefusesAsync(ReasonCodes.NotRegistrarOfCountry, TestLedger.Registrar("CN"), ChangeRoles(cast.Forwarder.Address, OrganizationRoles.Carrier));
        await ledger.ExecutesAsync(TestLedger.Registrar("KZ"), Suspend(cast.Forwarder.Address));
        await ledger.RefusesAsync(ReasonCodes.NotRegistrarOfCountry, TestLedger.Registrar("PK"), Reinstate(cast.Forwarder.Address));
    }

    [Fact]
    public async Task Only_registrars_act_on_organizations()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.RoleRequired, cast.CustomsKz, Suspend(cast.Forwarder.Address));
        await ledger.RefusesAsync(ReasonCodes.RoleRequired, cast.CustomsKz, ChangeRoles(cast.Forwarder.Address, OrganizationRoles.Carrier));
        await ledger.RefusesAsync(ReasonCodes.RoleRequired, cast.CustomsKz, Reinstate(cast.Forwarder.Address));
    }

    [Fact]
    public async Task A_registrar_never_acts_on_itself()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("PK");

        await ledger.RefusesAsync(ReasonCodes.CannotTargetSelf, registrar, Suspend(registrar.Address));
        await ledger.RefusesAsync(ReasonCodes.CannotTargetSelf, registrar, ChangeRoles(registrar.Address, OrganizationRoles.Bank));
    }

    [Fact]
    public async Task Actions_on_an_unregistered_address_are_refused()
    {
        await using var ledger = await TestLedger.StartAsync();
        var nobody = TestKeys.FromLabel("registrar-actions/nobody").Address;

        await ledger.RefusesAsync(ReasonCodes.UnknownOrganization, TestLedger.Registrar("PK"), Suspend(nobody));
        await ledger.RefusesAsync(ReasonCodes.UnknownOrganization, TestLedger.Registrar("PK"), ChangeRoles(nobody, OrganizationRoles.Bank));
        await ledger.RefusesAsync(ReasonCodes.UnknownOrganization, TestLedger.Registrar("PK"), Reinstate(nobody));
    }

    [Fact]
    public async Task Suspending_twice_reinstating_an_active_organization_and_a_reasonless_suspension_are_refused()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.NotSuspended, TestLedger.Registrar("PK"), Reinstate(cast.Importer.Address));
        await ledger.RefusesAsync(ReasonCodes.InvalidField, TestLedger.Registrar("PK"), Suspend(cast.Importer.Address, ""));
        await ledger.ExecutesAsync(TestLedger.Registrar("PK"), Suspend(cast.Importer.Address));
        await ledger.RefusesAsync(ReasonCodes.AlreadySuspended, TestLedger.Registrar("PK"), Suspend(cast.Importer.Address));
    }

    [Fact]
    public async Task A_registrar_changes_the_roles_of_an_organization_of_its_country()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.ExecutesAsync(TestLedger.Registrar("PK"), ChangeRoles(cast.Importer.Address, OrganizationRoles.Importer, OrganizationRoles.Exporter));

        Assert.Equal([OrganizationRoles.Exporter, OrganizationRoles.Importer], (await ledger.OrganizationAsync(cast.Importer.Address))?.Roles);
    }

    [Fact]
    public async Task A_role_change_may_neither_grant_nor_remove_the_validator_role_nor_name_unknown_roles()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.RoleNotGrantable, TestLedger.Registrar("PK"), ChangeRoles(cast.Importer.Address, OrganizationRoles.Validator));
        await ledger.RefusesAsync(ReasonCodes.RoleNotGrantable, TestLedger.Registrar("PK"), ChangeRoles(TestLedger.Validator("PK").Address, OrganizationRoles.Auditor));
        await ledger.RefusesAsync(ReasonCodes.UnknownRole, TestLedger.Registrar("PK"), ChangeRoles(cast.Importer.Address, "smuggler"));
        await ledger.RefusesAsync(ReasonCodes.InvalidRoles, TestLedger.Registrar("PK"), ChangeRoles(cast.Importer.Address));
    }

    [Fact]
    public async Task A_suspended_organization_cannot_be_named_as_a_party()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        await ledger.ExecutesAsync(TestLedger.Registrar("PK"), Suspend(cast.Importer.Address));

        await ledger.RefusesAsync(ReasonCodes.PartySuspended, cast.Exporter, Tx.CreateShipment(cast));
    }
}
