using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>What a registrar may put in an organization's role list.</summary>
public static class RoleRules
{
    /// <summary>Refuses an empty list, a repeated role or an unknown role.</summary>
    public static TransactionOutcome? RefuseRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
            return TransactionOutcome.Failed(ReasonCodes.InvalidRoles, "an organization needs at least one role");
        if (roles.FirstOrDefault(r => !OrganizationRoles.IsKnown(r)) is { } unknown)
            return TransactionOutcome.Failed(ReasonCodes.UnknownRole,
                $"'{unknown}' is not a role; roles are {string.Join(", ", OrganizationRoles.All)}");
        if (roles.GroupBy(r => r, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            return TransactionOutcome.Failed(ReasonCodes.InvalidRoles, $"the role '{repeated.Key}' is listed twice");
        return null;
    }

    /// <summary>
    /// Refuses a change that grants or removes the validator role: the validator committee is named by genesis and
    /// changed by governance (two thirds of the member countries), never by one country's registrar.
    /// </summary>
    public static TransactionOutcome? RefuseValidatorChange(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        before.Contains(OrganizationRoles.Validator) == after.Contains(OrganizationRoles.Validator)
            ? null
            : TransactionOutcome.Failed(ReasonCodes.RoleNotGrantable,
                "the validator role is granted and removed by genesis and governance only, not by a registrar");

    public static List<string> Sorted(IEnumerable<string> roles) => [.. roles.Order(StringComparer.Ordinal)];
}
