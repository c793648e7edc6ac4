using BriOrleans.Ledger;
using BriOrleans.Runtime;

namespace BriOrleans.GrainInterfaces;

/// <summary>
/// A member country of the network, keyed by its ISO 3166-1 alpha-2 code. Membership is ledger state (written at
/// genesis, later by governance), so every rule that needs "a member country" reads it here.
/// </summary>
public interface ICountryGrain : IGrainWithStringKey
{
    /// <summary>The member country; null when the code names no member.</summary>
    Task<CountryView?> GetAsync();

    /// <summary>Records a country genesis names; throws if it is already a member.</summary>
    Task EstablishAtGenesisAsync(GenesisCountry country, ulong timestamp);
}
