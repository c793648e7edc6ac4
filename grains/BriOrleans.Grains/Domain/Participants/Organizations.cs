using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// How the rules of one grain learn about the organizations a transaction names: by reading their account grains
/// (reads only, so a rule can check everything before its grain writes anything).
/// </summary>
public static class Organizations
{
    public static Task<OrganizationView?> FindOrganizationAsync(this IGrainFactory grains, Address address) =>
        grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(address)).GetOrganizationAsync();

    public static Task<CountryView?> FindCountryAsync(this IGrainFactory grains, string code) =>
        grains.GetGrain<ICountryGrain>(code).GetAsync();

    /// <summary>
    /// Refuses an unregistered or suspended sender. The transaction executor admits senders before dispatching; a
    /// grain that reads its sender anyway (for its roles or country) checks again so it never acts on a missing view.
    /// </summary>
    public static TransactionOutcome? RefuseSender(OrganizationView? sender, Address address) => sender switch
    {
        null => TransactionOutcome.Failed(ReasonCodes.SenderNotRegistered, $"{address} is not a registered organization"),
        { IsActive: false } => TransactionOutcome.Failed(ReasonCodes.SenderSuspended, $"{address} ({sender.Name}) is suspended"),
        _ => null,
    };

    /// <summary>Refuses an organization named as <paramref name="part"/> unless it is registered, active and holds one of <paramref name="roles"/>.</summary>
    public static TransactionOutcome? RefuseParty(OrganizationView? party, Address address, string part, params string[] roles)
    {
        if (party is null)
            return TransactionOutcome.Failed(ReasonCodes.UnknownOrganization, $"the {part} {address} is not a registered organization");
        if (!party.IsActive)
            return TransactionOutcome.Failed(ReasonCodes.PartySuspended, $"the {part} {address} ({party.Name}) is suspended");
        if (roles.Length > 0 && !roles.Any(party.HasRole))
            return TransactionOutcome.Failed(ReasonCodes.PartyRoleRequired,
                $"the {part} {address} ({party.Name}) needs the role {string.Join(" or ", roles)}");
        return null;
    }

    /// <summary>Refuses a sender without <paramref name="role"/>.</summary>
    public static TransactionOutcome? RefuseWithoutRole(OrganizationView sender, string role, string action) =>
        sender.HasRole(role)
            ? null
            : TransactionOutcome.Failed(ReasonCodes.RoleRequired, $"{action} needs the role {role}; {sender.Name} ({sender.Address}) lacks it");
}
