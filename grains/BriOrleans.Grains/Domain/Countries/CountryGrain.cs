using BriOrleans.GrainInterfaces;
using BriOrleans.Ledger;
using BriOrleans.Runtime;

namespace BriOrleans.Grains.Domain;

/// <summary>A member country: written once at genesis (governance will add more), read by every country rule.</summary>
[GrainType("country")]
public sealed class CountryGrain([PersistentState(LedgerState.Name, LedgerState.Storage)] IPersistentState<CountryState> state) : Grain, ICountryGrain
{
    public Task<CountryView?> GetAsync() => Task.FromResult(state.RecordExists
        ? new CountryView(
            state.State.Code, state.State.Name, [.. state.State.Registrars.Select(CanonicalText.Address)],
            [.. state.State.Validators.Select(CanonicalText.Address)], state.State.JoinedAt)
        : null);

    public async Task EstablishAtGenesisAsync(GenesisCountry country, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (country.Code != this.GetPrimaryKeyString())
            throw new ArgumentException($"country {country.Code} was sent to the country grain {this.GetPrimaryKeyString()}", nameof(country));
        if (state.RecordExists)
            throw new InvalidOperationException($"{country.Code} is already a member; genesis is applied once, to an empty ledger");
        state.State = new CountryState
        {
            Code = country.Code,
            Name = country.Name,
            Registrars = [.. country.Registrars.Select(CanonicalText.Of)],
            Validators = [.. country.Validators.Select(CanonicalText.Of)],
            JoinedAt = timestamp,
        };
        await state.WriteStateAsync();
    }
}
