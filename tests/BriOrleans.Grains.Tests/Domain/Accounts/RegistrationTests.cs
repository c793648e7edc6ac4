using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Accounts;

public sealed class RegistrationTests
{
    private static readonly PrivateKey Newcomer = TestKeys.FromLabel("registration/newcomer");

    [Fact]
    public async Task A_registrar_admits_an_organization_of_its_own_country_with_sorted_roles()
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.ExecutesAsync(TestLedger.Registrar("PK"), (from, nonce) => new Transactions.RegisterOrganization(
            from, nonce, Newcomer.Address, "Karachi Shipping", "PK", [OrganizationRoles.Port, OrganizationRoles.Carrier], "HWUPKR0MPOU8FGXBT394"));

        var organization = await ledger.OrganizationAsync(Newcomer.Address);
        Assert.NotNull(organization);
        Assert.Equal("Karachi Shipping", organization.Name);
        Assert.Equal([OrganizationRoles.Carrier, OrganizationRoles.Port], organization.Roles);
        Assert.Equal("HWUPKR0MPOU8FGXBT394", organization.Lei);
        Assert.Equal(OrganizationStatus.Active, organization.Status);
        Assert.Equal(TestLedger.Registrar("PK").Address, organization.RegisteredBy);
        Assert.Equal(ledger.Now, organization.RegisteredAt);
    }

    [Fact]
    public async Task A_registrar_cannot_admit_an_organization_of_another_country()
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.RefusesAsync(ReasonCodes.NotRegistrarOfCountry, TestLedger.Registrar("CN"),
            Tx.Register(Newcomer.Address, "Karachi Shipping", "PK", OrganizationRoles.Carrier));
    }

    [Fact]
    public async Task Only_a_registrar_registers_organizations()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.RoleRequired, cast.Exporter, Tx.Register(Newcomer.Address, "Another", "CN", OrganizationRoles.Exporter));
        await ledger.RefusesAsync(ReasonCodes.RoleRequired, TestLedger.Validator("CN"), Tx.Register(Newcomer.Address, "Another", "CN", OrganizationRoles.Exporter));
    }

    [Fact]
    public async Task A_registered_address_cannot_be_registered_twice()
    {
        await using var ledger = await TestLedger.StartAsync();
        await ledger.ExecutesAsync(TestLedger.Registrar("KZ"), Tx.Register(Newcomer.Address, "First", "KZ", OrganizationRoles.Port));

        await ledger.RefusesAsync(ReasonCodes.AlreadyRegistered, TestLedger.Registrar("KZ"), Tx.Register(Newcomer.Address, "Second", "KZ", OrganizationRoles.Port));
        await ledger.RefusesAsync(ReasonCodes.AlreadyRegistered, TestLedger.Registrar("KZ"), Tx.Register(TestLedger.Registrar("KZ").Address, "Itself", "KZ", OrganizationRoles.Port));
    }

    [Theory]
    [InlineData("shipowner", ReasonCodes.UnknownRole)]
    [InlineData("Carrier", ReasonCodes.UnknownRole)]
    [InlineData("validator", ReasonCodes.RoleNotGrantable)]
    public async Task Roles_come_from_the_fixed_list_and_the_validator_role_is_not_a_registrars_to_grant(string role, string code)
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.RefusesAsync(code, TestLedger.Registrar("CN"), Tx.Register(Newcomer.Address, "Newcomer", "CN", role));
    }

    [Fact]
    public async Task A_role_list_is_neither_empty_nor_repetitive()
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.RefusesAsync(ReasonCodes.InvalidRoles, TestLedger.Registrar("CN"), Tx.Register(Newcomer.Address, "Newcomer", "CN"));
        await ledger.RefusesAsync(ReasonCodes.InvalidRoles, TestLedger.Registrar("CN"),
            Tx.Register(Newcomer.Address, "Newcomer", "CN", OrganizationRoles.Bank, OrganizationRoles.Bank));
    }

    [Fact]
    public async Task A_registrar_may_admit_another_registrar_of_its_country()
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.ExecutesAsync(TestLedger.Registrar("CN"), Tx.Register(Newcomer.Address, "Shanghai registry", "CN", OrganizationRoles.Registrar));
        await ledger.ExecutesAsync(Newcomer, Tx.Register(TestKeys.FromLabel("registration/admitted").Address, "Admitted", "CN", OrganizationRoles.Bank));
    }

    [Theory]
    [InlineData("", "CN", "", ReasonCodes.InvalidField)]
    [InlineData(" Padded", "CN", "", ReasonCodes.InvalidField)]
    [InlineData("Line\nbreak", "CN", "", ReasonCodes.InvalidField)]
    [InlineData("Newcomer", "cn", "", ReasonCodes.InvalidCountry)]
    [InlineData("Newcomer", "CHN", "", ReasonCodes.InvalidCountry)]
    [InlineData("Newcomer", "CN", "HWUPKR0MPOU8FGXBT395", ReasonCodes.InvalidLei)]
    [InlineData("Newcomer", "CN", "HWUPKR0MPOU8FGXBT3", ReasonCodes.InvalidLei)]
    public async Task Malformed_registrations_are_refused(string name, string country, string lei, string code)
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.RefusesAsync(code, TestLedger.Registrar("CN"),
            (from, nonce) => new Transactions.RegisterOrganization(from, nonce, Newcomer.Address, name, country, [OrganizationRoles.Exporter], lei));
    }

    [Fact]
    public async Task The_zero_address_cannot_be_registered()
    {
        await using var ledger = await TestLedger.StartAsync();

        await ledger.RefusesAsync(ReasonCodes.InvalidField, TestLedger.Registrar("CN"), Tx.Register(Address.Zero, "Nobody", "CN", OrganizationRoles.Exporter));
    }

    [Fact]
    public async Task An_account_that_failed_transactions_before_registration_keeps_its_nonce()
    {
        await using var ledger = await TestLedger.StartAsync();
        await ledger.RefusesAsync(ReasonCodes.SenderNotRegistered, Newcomer, Tx.Register(Newcomer.Address, "Self-made", "CN", OrganizationRoles.Exporter));

        await ledger.ExecutesAsync(TestLedger.Registrar("CN"), Tx.Register(Newcomer.Address, "Newcomer", "CN", OrganizationRoles.Exporter));

        Assert.Equal(1UL, (await ledger.OrganizationAsync(Newcomer.Address))?.NextNonce);
    }
}
