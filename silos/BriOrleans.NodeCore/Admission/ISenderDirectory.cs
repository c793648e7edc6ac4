using BriOrleans.Crypto;

namespace BriOrleans.NodeCore.Admission;

/// <summary>Where a sender stands in the executed ledger state: registered, active, and its next nonce.</summary>
public sealed record SenderStanding(bool Registered, bool Active, ulong NextNonce);

/// <summary>Looks a sender up in the executed state (the account grains).</summary>
public interface ISenderDirectory
{
    Task<SenderStanding> StandingOfAsync(Address sender);
}
