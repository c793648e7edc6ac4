using BriOrleans.GrainInterfaces;
using BriOrleans.Ledger;
using BriOrleans.Runtime;

namespace BriOrleans.Grains.Execution;

/// <summary>
/// Writes the ledger's first state from a genesis: each member country, its registrars (role registrar) and its
/// validators (role validator), named after the country ("Kazakhstan registrar 1", "Kazakhstan validator 2").
/// </summary>
public static class GenesisState
{
    public static async Task ApplyAsync(IGrainFactory grains, Genesis genesis)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(genesis);
        foreach (var country in genesis.Countries)
        {
            await grains.GetGrain<ICountryGrain>(country.Code).EstablishAtGenesisAsync(country, genesis.Timestamp);
            await AdmitAsync(grains, country, country.Registrars, OrganizationRoles.Registrar, genesis.Timestamp);
            await AdmitAsync(grains, country, country.Validators, OrganizationRoles.Validator, genesis.Timestamp);
        }
    }

    private static async Task AdmitAsync(IGrainFactory grains, GenesisCountry country, IReadOnlyList<Crypto.Address> accounts, string role, ulong timestamp)
    {
        for (var i = 0; i < accounts.Count; i++)
            await grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(accounts[i]))
                .AdmitAtGenesisAsync($"{country.Name} {role} {i + 1}", country.Code, [role], timestamp);
    }
}
