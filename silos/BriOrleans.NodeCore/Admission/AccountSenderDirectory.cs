using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;

namespace BriOrleans.NodeCore.Admission;

/// <summary>Senders as the account grains know them in the executed state.</summary>
public sealed class AccountSenderDirectory(IGrainFactory grains) : ISenderDirectory
{
    public async Task<SenderStanding> StandingOfAsync(Address sender)
    {
        var standing = await grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(sender)).GetStandingAsync();
        return new SenderStanding(standing.Registered, standing.Active, standing.NextNonce);
    }
}
