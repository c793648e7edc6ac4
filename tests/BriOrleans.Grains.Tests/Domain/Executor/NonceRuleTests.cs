using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Executor;

public sealed class NonceRuleTests
{
    [Fact]
    public async Task A_transaction_with_the_next_nonce_executes_and_consumes_it()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("CN");
        var exporter = TestKeys.FromLabel("nonce/exporter");

        await ledger.ExecutesAsync(registrar, Tx.Register(exporter.Address, "Exporter", "CN", OrganizationRoles.Exporter));

        Assert.Equal(1UL, await ledger.Account(registrar.Address).GetNextNonceAsync());
        Assert.NotNull(await ledger.OrganizationAsync(exporter.Address));
    }

    [Fact]
    public async Task The_same_transaction_seen_again_is_skipped_as_nonce_used_and_changes_nothing()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("CN");
        var signed = TestLedger.Sign(registrar, new RegisterOrganization(registrar.Address, 0, TestKeys.FromLabel("nonce/a").Address, "A", "CN", [OrganizationRoles.Exporter]));
        Assert.Equal(TransactionOutcome.Executed, await ledger.ExecuteAsync(signed));
        var before = (await LedgerSnapshot.TakeAsync(ledger)).Render();

        var again = await ledger.ExecuteAsync(signed);

        Assert.Equal(TransactionOutcome.NonceUsed, again);
        Assert.False(again.LeavesReceipt);
        Assert.Equal(before, (await LedgerSnapshot.TakeAsync(ledger)).Render());
    }

    [Fact]
    public async Task A_transaction_whose_nonce_is_ahead_is_skipped_and_consumes_nothing()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("CN");
        var ahead = TestLedger.Sign(registrar, new RegisterOrganization(registrar.Address, 1, TestKeys.FromLabel("nonce/b").Address, "B", "CN", [OrganizationRoles.Exporter]));
        ledger.Keys.AddFrom(ahead.Transaction);
        var before = (await LedgerSnapshot.TakeAsync(ledger)).Render();

        var outcome = await ledger.ExecuteAsync(ahead);

        Assert.Equal(TransactionOutcome.NonceAhead, outcome);
        Assert.Equal(before, (await LedgerSnapshot.TakeAsync(ledger)).Render());
        Assert.Equal(0UL, await ledger.Account(registrar.Address).GetNextNonceAsync());
    }

    [Fact]
    public async Task A_skipped_transaction_ahead_executes_once_the_gap_is_filled()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("KZ");
        var second = TestLedger.Sign(registrar, new RegisterOrganization(registrar.Address, 1, TestKeys.FromLabel("nonce/c").Address, "C", "KZ", [OrganizationRoles.Port]));
        Assert.Equal(TransactionOutcome.NonceAhead, await ledger.ExecuteAsync(second));

        await ledger.ExecutesAsync(registrar, Tx.Register(TestKeys.FromLabel("nonce/d").Address, "D", "KZ", OrganizationRoles.Port));

        Assert.Equal(TransactionOutcome.Executed, await ledger.ExecuteAsync(second));
        Assert.Equal(2UL, await ledger.Account(registrar.Address).GetNextNonceAsync());
    }

    [Fact]
    public async Task A_failed_transaction_consumes_its_nonce_so_a_copy_is_then_skipped()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("CN");
        var wrongCountry = TestLedger.Sign(registrar, new RegisterOrganization(registrar.Address, 0, TestKeys.FromLabel("nonce/e").Address, "E", "PK", [OrganizationRoles.Importer]));

        var first = await ledger.ExecuteAsync(wrongCountry);
        var copy = await ledger.ExecuteAsync(wrongCountry);

        Assert.Equal(ReasonCodes.NotRegistrarOfCountry, first.ReasonCode);
        Assert.True(first.LeavesReceipt);
        Assert.Equal(TransactionOutcome.NonceUsed, copy);
    }
}
