using BriOrleans.Execution;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;

namespace BriOrleans.Grains.Tests.Domain.Executor;

public sealed class SenderAdmissionTests
{
    [Fact]
    public async Task An_unregistered_sender_fails_but_its_nonce_is_consumed()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.SenderNotRegistered, cast.Stranger, Tx.CreateShipment(cast));

        Assert.Equal(1UL, await ledger.Account(cast.Stranger.Address).GetNextNonceAsync());
        Assert.Null(await ledger.OrganizationAsync(cast.Stranger.Address));
    }

    [Fact]
    public async Task A_suspended_sender_fails_until_reinstated()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        await ledger.ExecutesAsync(TestLedger.Registrar("CN"), (from, nonce) => new Transactions.SuspendOrganization(from, nonce, cast.Exporter.Address, "licence expired"));

        await ledger.RefusesAsync(ReasonCodes.SenderSuspended, cast.Exporter, Tx.CreateShipment(cast));

        await ledger.ExecutesAsync(TestLedger.Registrar("CN"), (from, nonce) => new Transactions.ReinstateOrganization(from, nonce, cast.Exporter.Address));
        await ledger.ExecutesAsync(cast.Exporter, Tx.CreateShipment(cast));
    }

    [Fact]
    public async Task An_accounts_standing_follows_registration_suspension_and_its_nonce()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        Assert.Equal(new AccountStanding(false, false, 0), await ledger.Account(cast.Stranger.Address).GetStandingAsync());
        var exporter = ledger.Account(cast.Exporter.Address);
        var nonce = await exporter.GetNextNonceAsync();
        Assert.Equal(new AccountStanding(true, true, nonce), await exporter.GetStandingAsync());

        await ledger.ExecutesAsync(TestLedger.Registrar("CN"), (from, n) => new Transactions.SuspendOrganization(from, n, cast.Exporter.Address, "licence expired"));
        Assert.Equal(new AccountStanding(true, false, nonce), await exporter.GetStandingAsync());

        await ledger.RefusesAsync(ReasonCodes.SenderSuspended, cast.Exporter, Tx.CreateShipment(cast));
        Assert.Equal(new AccountStanding(true, false, nonce + 1), await exporter.GetStandingAsync());
    }

    [Fact]
    public async Task A_context_for_another_transaction_is_misuse()
    {
        await using var ledger = await TestLedger.StartAsync();
        var registrar = TestLedger.Registrar("CN");
        var signed = TestLedger.Sign(registrar, new Transactions.ReinstateOrganization(registrar.Address, 0, registrar.Address));
        var context = new TransactionContext(Tx.HashOf("another"), Tx.HashOf("block"), 1, TestLedger.GenesisTime + 1_000);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ledger.Executor.ExecuteAsync(signed, context));

        Assert.Contains(signed.Hash.ToString(), error.Message);
    }

    [Fact]
    public async Task A_grain_takes_the_sender_from_its_context_as_the_nonce_check_left_it()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);
        var document = Tx.HashOf("bill of lading");
        var anchor = new Transactions.AnchorDocument(cast.Exporter.Address, 0, "INV", document);
        var grain = ledger.Grains.GetGrain<IDocumentGrain>(IDocumentGrain.KeyOf(document));
        var context = new TransactionContext(Tx.HashOf("anchor"), Tx.HashOf("block"), 1, ledger.Now + 1_000);

        // Without a sender in its context the grain refuses, although the exporter is registered: it does not look again.
        Assert.Equal(ReasonCodes.SenderNotRegistered, (await grain.AnchorAsync(anchor, context)).ReasonCode);
        Assert.Null(await grain.GetAsync());

        var exporter = await ledger.OrganizationAsync(cast.Exporter.Address);
        Assert.Equal(TransactionOutcome.Executed, await grain.AnchorAsync(anchor, context with { Sender = exporter }));
        Assert.Equal(cast.Exporter.Address, (await grain.GetAsync())!.Issuer);
    }

    [Fact]
    public async Task An_id_that_is_no_valid_grain_key_fails_before_any_grain_is_reached()
    {
        await using var ledger = await TestLedger.StartAsync();
        var cast = await TradeCast.RegisterAsync(ledger);

        await ledger.RefusesAsync(ReasonCodes.InvalidId, cast.Exporter, Tx.CreateShipment(cast, id: "SH 1 with spaces"));
        await ledger.RefusesAsync(ReasonCodes.InvalidId, cast.Exporter, Tx.CreateShipment(cast, id: ""));
    }
}
