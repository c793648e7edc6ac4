using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Execution;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Executor;

public sealed class GenesisStateTests
{
    [Fact]
    public async Task Genesis_admits_each_countrys_registrars_and_validators_named_after_the_country()
    {
        await using var ledger = await TestLedger.StartAsync();

        var registrar = await ledger.OrganizationAsync(TestLedger.Registrar("KZ").Address);
        var validator = await ledger.OrganizationAsync(TestLedger.Validator("KZ").Address);

        Assert.NotNull(registrar);
        Assert.Equal("Kazakhstan registrar 1", registrar.Name);
        Assert.Equal("KZ", registrar.Country);
        Assert.Equal([OrganizationRoles.Registrar], registrar.Roles);
        Assert.Null(registrar.RegisteredBy);
        Assert.Equal(TestLedger.GenesisTime, registrar.RegisteredAt);
        Assert.NotNull(validator);
        Assert.Equal("Kazakhstan validator 1", validator.Name);
        Assert.Equal([OrganizationRoles.Validator], validator.Roles);
    }

    [Fact]
    public async Task Genesis_records_every_member_country_and_nothing_else()
    {
        await using var ledger = await TestLedger.StartAsync();

        var china = await ledger.Grains.GetGrain<ICountryGrain>("CN").GetAsync();

        Assert.NotNull(china);
        Assert.Equal("China", china.Name);
        Assert.Equal([TestLedger.Registrar("CN").Address], china.Registrars);
        Assert.Equal([TestLedger.Validator("CN").Address], china.Validators);
        Assert.Null(await ledger.Grains.GetGrain<ICountryGrain>("DE").GetAsync());
    }

    [Fact]
    public async Task Applying_genesis_twice_is_misuse()
    {
        await using var ledger = await TestLedger.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => GenesisState.ApplyAsync(ledger.Grains, ledger.Genesis));
    }

    [Fact]
    public async Task Several_registrars_of_a_country_are_numbered()
    {
        var genesis = TestLedger.StandardGenesis();
        var second = TestKeys.FromLabel("registrar/CN/2");
        genesis = genesis with
        {
            Countries = [genesis.Countries[0] with { Registrars = [TestLedger.Registrar("CN").Address, second.Address] }, .. genesis.Countries.Skip(1)],
        };
        await using var ledger = await TestLedger.StartAsync(genesis);

        Assert.Equal("China registrar 2", (await ledger.OrganizationAsync(second.Address))?.Name);
    }
}
