using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;

namespace BriOrleans.NodeCore.Admission;

/// <summary>Senders as the account grains know them in the executed state.</summary>
public sealed class AccountSenderDirectory(IGrainFactory grains) : ISenderDirectory
{
    public async Task<SenderStanding> StandingOfAsync(Address sender)
    {
        var account = grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(sender));
        var organization = await account.GetOrganizationAsync();
        return new SenderStanding(organization is not null, organization?.IsActive ?? false, await account.GetNextNonceAsync());
    }
}
