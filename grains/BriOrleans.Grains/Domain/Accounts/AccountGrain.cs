using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// An account: the nonce rule, and the registrar actions on the organization at this address. A registrar acts
/// only on organizations of its own country and never on itself (suspending itself or dropping its own registrar
/// role could leave its country without a registrar, since a suspended registrar cannot sign its reinstatement).
/// </summary>
[GrainType("account")]
public sealed class AccountGrain([PersistentState(LedgerState.Name, LedgerState.Storage)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    private Address _address;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (!Address.TryParse(key, out var address) || IAccountGrain.KeyOf(address) != key)
            throw new ArgumentException($"account grain key '{key}' is not an address in lower-case 0x hex; use IAccountGrain.KeyOf");
        _address = address;
        return Task.CompletedTask;
    }

    public Task<OrganizationView?> GetOrganizationAsync() => Task.FromResult(View());

    public Task<ulong> GetNextNonceAsync() => Task.FromResult(state.State.NextNonce);

    public Task<AccountStanding> GetStandingAsync() => Task.FromResult(new AccountStanding(
        state.State.Organization is not null, state.State.Organization?.Status == OrganizationStatus.Active, state.State.NextNonce));

    public async Task<NonceCheck> UseNonceAsync(ulong nonce)
    {
        if (nonce < state.State.NextNonce)
            return new NonceCheck(NonceUse.AlreadyUsed, View());
        if (nonce > state.State.NextNonce)
            return new NonceCheck(NonceUse.Ahead, View());
        state.State.NextNonce = checked(nonce + 1);
        await state.WriteStateAsync();
        return new NonceCheck(NonceUse.Consumed, View());
    }

    public async Task<TransactionOutcome> RegisterAsync(RegisterOrganization transaction, TransactionContext context)
    {
        RequireTarget(transaction.Address);
        var registrar = context.Sender;
        var refusal = Organizations.RefuseSender(registrar, transaction.From)
            ?? Organizations.RefuseWithoutRole(registrar!, OrganizationRoles.Registrar, "registering an organization")
            ?? RefuseRegistration(transaction, registrar!);
        if (refusal is not null)
            return refusal;

        state.State.Organization = new OrganizationRecord
        {
            Name = transaction.Name,
            Country = transaction.Country,
            Roles = RoleRules.Sorted(transaction.Roles),
            Lei = transaction.Lei,
            Status = OrganizationStatus.Active,
            RegisteredBy = CanonicalText.Of(transaction.From),
            RegisteredAt = context.Timestamp,
        };
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> ChangeRolesAsync(ChangeOrganizationRoles transaction, TransactionContext context)
    {
        RequireTarget(transaction.Address);
        var refusal = RefuseRegistrarAction(context.Sender, transaction.From, "changing roles")
            ?? RoleRules.RefuseRoles(transaction.Roles)
            ?? RoleRules.RefuseValidatorChange(state.State.Organization!.Roles, transaction.Roles);
        if (refusal is not null)
            return refusal;

        var organization = state.State.Organization!;
        var roles = RoleRules.Sorted(transaction.Roles);
        if (roles.SequenceEqual(organization.Roles, StringComparer.Ordinal))
            return TransactionOutcome.Executed;
        organization.Roles = roles;
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> SuspendAsync(SuspendOrganization transaction, TransactionContext context)
    {
        RequireTarget(transaction.Address);
        var refusal = RefuseRegistrarAction(context.Sender, transaction.From, "suspending an organization");
        if (refusal is not null)
            return refusal;
        var organization = state.State.Organization!;
        if (!FieldFormat.IsText(transaction.Reason, FieldFormat.MaxTextLength))
            return TransactionOutcome.Failed(ReasonCodes.InvalidField,
                $"reason: a suspension states its reason in 1-{FieldFormat.MaxTextLength} characters without control characters or edge spaces");
        if (organization.Status == OrganizationStatus.Suspended)
            return TransactionOutcome.Failed(ReasonCodes.AlreadySuspended, $"{_address} ({organization.Name}) is already suspended");

        organization.Status = OrganizationStatus.Suspended;
        organization.SuspensionReason = transaction.Reason;
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task<TransactionOutcome> ReinstateAsync(ReinstateOrganization transaction, TransactionContext context)
    {
        RequireTarget(transaction.Address);
        var refusal = RefuseRegistrarAction(context.Sender, transaction.From, "reinstating an organization");
        if (refusal is not null)
            return refusal;
        var organization = state.State.Organization!;
        if (organization.Status != OrganizationStatus.Suspended)
            return TransactionOutcome.Failed(ReasonCodes.NotSuspended, $"{_address} ({organization.Name}) is not suspended");

        organization.Status = OrganizationStatus.Active;
        organization.SuspensionReason = "";
        await state.WriteStateAsync();
        return TransactionOutcome.Executed;
    }

    public async Task AdmitAtGenesisAsync(string name, string country, IReadOnlyList<string> roles, ulong timestamp)
    {
        if (state.State.Organization is not null)
            throw new InvalidOperationException($"{_address} is already registered; genesis is applied once, to an empty ledger");
        state.State.Organization = new OrganizationRecord
        {
            Name = name,
            Country = country,
            Roles = RoleRules.Sorted(roles),
            Status = OrganizationStatus.Active,
            RegisteredAt = timestamp,
        };
        await state.WriteStateAsync();
    }

    private TransactionOutcome? RefuseRegistration(RegisterOrganization transaction, OrganizationView registrar)
    {
        if (state.State.Organization is { } existing)
            return TransactionOutcome.Failed(ReasonCodes.AlreadyRegistered, $"{_address} is already registered as {existing.Name}");
        if (transaction.Address.IsZero)
            return TransactionOutcome.Failed(ReasonCodes.InvalidField, "address: the zero address belongs to no key");
        if (!FieldFormat.IsText(transaction.Name, FieldFormat.MaxNameLength))
            return TransactionOutcome.Failed(ReasonCodes.InvalidField,
                $"name: 1-{FieldFormat.MaxNameLength} characters without control characters or edge spaces");
        if (!FieldFormat.IsCountryCode(transaction.Country))
            return TransactionOutcome.Failed(ReasonCodes.InvalidCountry, $"country '{transaction.Country}' is not an ISO 3166-1 alpha-2 code in capitals");
        if (transaction.Country != registrar.Country)
            return TransactionOutcome.Failed(ReasonCodes.NotRegistrarOfCountry,
                $"{registrar.Name} is a registrar of {registrar.Country} and cannot admit an organization of {transaction.Country}");
        if (transaction.Lei.Length > 0 && !LegalEntityIdentifier.IsValid(transaction.Lei))
            return TransactionOutcome.Failed(ReasonCodes.InvalidLei, $"lei '{transaction.Lei}' is not 20 characters with valid ISO 17442 check digits");
        return RoleRules.RefuseRoles(transaction.Roles) ?? RoleRules.RefuseValidatorChange([], transaction.Roles);
    }

    /// <summary>The checks every registrar action shares: an active registrar, not itself, of the organization's country.</summary>
    private TransactionOutcome? RefuseRegistrarAction(OrganizationView? registrar, Address from, string action)
    {
        if (from == _address)
        {
            var self = View();
            return Organizations.RefuseSender(self, from)
                ?? Organizations.RefuseWithoutRole(self!, OrganizationRoles.Registrar, action)
                ?? TransactionOutcome.Failed(ReasonCodes.CannotTargetSelf, $"a registrar cannot act on itself ({action})");
        }
        var refusal = Organizations.RefuseSender(registrar, from) ?? Organizations.RefuseWithoutRole(registrar!, OrganizationRoles.Registrar, action);
        if (refusal is not null)
            return refusal;
        if (state.State.Organization is not { } organization)
            return TransactionOutcome.Failed(ReasonCodes.UnknownOrganization, $"{_address} is not a registered organization");
        return organization.Country == registrar!.Country
            ? null
            : TransactionOutcome.Failed(ReasonCodes.NotRegistrarOfCountry,
                $"{registrar.Name} is a registrar of {registrar.Country}; {organization.Name} belongs to {organization.Country}");
    }

    private void RequireTarget(Address address)
    {
        if (address != _address)
            throw new ArgumentException($"a transaction about {address} was sent to the account grain of {_address}");
    }

    private OrganizationView? View() => state.State.Organization is not { } o
        ? null
        : new OrganizationView(
            _address, o.Name, o.Country, [.. o.Roles], o.Lei, o.Status, o.SuspensionReason,
            o.RegisteredBy is null ? null : CanonicalText.Address(o.RegisteredBy), o.RegisteredAt, state.State.NextNonce);
}
