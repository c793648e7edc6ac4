using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.GrainHost;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Domain;
using BriOrleans.Grains.Execution;
using BriOrleans.Ledger;
using BriOrleans.Runtime;
using BriOrleans.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// A ledger for tests: the real grain host with every domain grain and the in-memory storage provider "ledger",
/// a genesis of China, Kazakhstan and Pakistan (one registrar and one validator each, test-only keys), and the
/// transaction executor. Each transaction is signed and runs in its own block, one second after the previous one.
/// </summary>
public sealed class TestLedger : IAsyncDisposable
{
    public const ulong ChainId = 7_777;
    public const ulong GenesisTime = 1_750_000_000_000;

    private readonly ServiceProvider _services;
    private ulong _epoch;

    private TestLedger(ServiceProvider services, Genesis genesis)
    {
        _services = services;
        Genesis = genesis;
        Now = genesis.Timestamp;
    }

    public Genesis Genesis { get; }

    public IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    public IGrainStorage Storage => _services.GetRequiredKeyedService<IGrainStorage>("ledger");

    /// <summary>The host's activation and call counters, per grain type.</summary>
    public GrainStatistics Statistics => _services.GetRequiredService<GrainStatistics>();

    public TransactionExecutor Executor => new(Grains);

    /// <summary>The timestamp of the last block (Unix ms).</summary>
    public ulong Now { get; private set; }

    /// <summary>Every grain key a transaction or the genesis named, for snapshots.</summary>
    public LedgerKeys Keys { get; } = new();

    /// <summary>Every transaction executed, with its context and outcome, in order: what a replay on another host needs.</summary>
    public List<(SignedTransaction Transaction, TransactionContext Context, TransactionOutcome Outcome)> History { get; } = [];

    public static PrivateKey Registrar(string country) => TestKeys.FromLabel($"registrar/{country}");

    public static PrivateKey Validator(string country) => TestKeys.FromLabel($"validator/{country}");

    public static Genesis StandardGenesis() => new(ChainId, "bri-test", GenesisTime,
    [
        Country("CN", "China"),
        Country("KZ", "Kazakhstan"),
        Country("PK", "Pakistan"),
    ], new ProtocolParameters());

    /// <summary>Starts a host and applies the genesis; <paramref name="storage"/> lets hosts share one store.</summary>
    public static async Task<TestLedger> StartAsync(Genesis? genesis = null, IGrainStorage? storage = null, bool applyGenesis = true)
    {
        genesis ??= StandardGenesis();
        var services = new ServiceCollection();
        services.AddGrainHost(host =>
        {
            host.AddGrain<IAccountGrain, AccountGrain>()
                .AddGrain<ICountryGrain, CountryGrain>()
                .AddGrain<IShipmentGrain, ShipmentGrain>()
                .AddGrain<IDocumentGrain, DocumentGrain>()
                .AddGrain<IContractGrain, ContractGrain>()
                .AddGrain<IProjectGrain, ProjectGrain>();
            if (storage is null)
                host.AddMemoryGrainStorage("ledger");
            else
                host.AddGrainStorage("ledger", _ => storage);
        });
        var ledger = new TestLedger(services.BuildServiceProvider(), genesis);
        await ledger._services.GetRequiredService<Silo>().StartAsync(CancellationToken.None);
        ledger.Keys.AddGenesis(genesis);
        if (applyGenesis)
            await GenesisState.ApplyAsync(ledger.Grains, genesis);
        return ledger;
    }

    public IAccountGrain Account(Address address) => Grains.GetGrain<IAccountGrain>(IAccountGrain.KeyOf(address));

    public Task<OrganizationView?> OrganizationAsync(Address address) => Account(address).GetOrganizationAsync();

    public async Task<ShipmentView> ShipmentAsync(string id) =>
        await Grains.GetGrain<IShipmentGrain>(id).GetAsync() ?? throw new InvalidOperationException($"shipment {id} does not exist");

    public async Task<ContractView> ContractAsync(string id) =>
        await Grains.GetGrain<IContractGrain>(id).GetAsync() ?? throw new InvalidOperationException($"contract {id} does not exist");

    public async Task<ProjectView> ProjectAsync(string id) =>
        await Grains.GetGrain<IProjectGrain>(id).GetAsync() ?? throw new InvalidOperationException($"project {id} does not exist");

    /// <summary>Signs a transaction of <paramref name="signer"/> with its account's next nonce and executes it.</summary>
    public async Task<TransactionOutcome> SubmitAsync(PrivateKey signer, Func<Address, ulong, ITransaction> build)
    {
        var nonce = await Account(signer.Address).GetNextNonceAsync();
        return await ExecuteAsync(Sign(signer, build(signer.Address, nonce)));
    }

    public static SignedTransaction Sign(PrivateKey signer, ITransaction transaction) => SignedTransaction.Sign(transaction, signer, ChainId);

    /// <summary>Executes in a new block, one second after the last.</summary>
    public Task<TransactionOutcome> ExecuteAsync(SignedTransaction transaction)
    {
        _epoch++;
        Now += 1_000;
        return ExecuteAsync(transaction, new TransactionContext(transaction.Hash, Keccak.Hash(BitConverter.GetBytes(_epoch)), _epoch, Now));
    }

    /// <summary>Executes in the given context (a replay of another ledger's history).</summary>
    public async Task<TransactionOutcome> ExecuteAsync(SignedTransaction transaction, TransactionContext context)
    {
        Keys.AddFrom(transaction.Transaction);
        var outcome = await Executor.ExecuteAsync(transaction, context);
        History.Add((transaction, context, outcome));
        return outcome;
    }

    /// <summary>Submits and asserts the transaction executed.</summary>
    public async Task ExecutesAsync(PrivateKey signer, Func<Address, ulong, ITransaction> build)
    {
        var outcome = await SubmitAsync(signer, build);
        Assert.Equal(TransactionOutcome.Executed, outcome);
    }

    /// <summary>
    /// Submits and asserts the transaction failed with <paramref name="reasonCode"/>, that every view of every grain
    /// the test has named is unchanged, and that the signer's nonce was consumed.
    /// </summary>
    public async Task RefusesAsync(string reasonCode, PrivateKey signer, Func<Address, ulong, ITransaction> build)
    {
        var nonce = await Account(signer.Address).GetNextNonceAsync();
        var transaction = Sign(signer, build(signer.Address, nonce));
        Keys.AddFrom(transaction.Transaction);
        var before = await LedgerSnapshot.TakeAsync(this);

        var outcome = await ExecuteAsync(transaction);

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Equal(reasonCode, outcome.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        Assert.Equal(before.WithNonceConsumed(signer.Address).Render(), (await LedgerSnapshot.TakeAsync(this)).Render());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<Silo>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    private static GenesisCountry Country(string code, string name) =>
        new(code, name, [Registrar(code).Address], [Validator(code).Address]);
}
