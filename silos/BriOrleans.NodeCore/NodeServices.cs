using BriOrleans.Chain;
using BriOrleans.GrainHost;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Chain;
using BriOrleans.Grains.Domain;
using BriOrleans.Grains.Execution;
using BriOrleans.Ledger;
using BriOrleans.NodeCore.Admission;
using BriOrleans.NodeCore.Execution;
using BriOrleans.NodeCore.Pool;
using BriOrleans.NodeCore.Production;
using BriOrleans.NodeCore.Storage;
using BriOrleans.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BriOrleans.NodeCore;

/// <summary>Composes a validator node: its storage, the grain host with every grain, the pool, the chain and production.</summary>
public static class NodeServices
{
    public const int PoolCapacity = 200_000;

    /// <summary>
    /// Registers the node. <paramref name="store"/> holds the ledger; <paramref name="journalStore"/> holds only the
    /// pending journal, in a database of its own (SQLite) or behind its own writer (PostgreSQL), so that
    /// acknowledging a transaction never waits behind an epoch commit. The caller opens and disposes both.
    /// </summary>
    public static async Task AddValidatorNodeAsync(this IServiceCollection services, Genesis genesis, NodeIdentity identity,
        ValidatorKey key, ILedgerStore store, ILedgerStore journalStore)
    {
        var archive = new StoredBlockArchive(store);
        var ledger = await StoredEpochLedger.OpenAsync(store, archive);
        services.AddSingleton(genesis);
        services.AddSingleton(new ChainRules(genesis));
        services.AddSingleton(identity);
        services.AddSingleton(key);
        services.AddSingleton(store);
        services.AddSingleton<IBlockArchive>(archive);
        services.AddSingleton<IEpochLedger>(ledger);
        services.AddSingleton(ledger);
        services.AddSingleton(new TransactionPool(PoolCapacity));
        services.AddSingleton<NodeEvents>();
        services.AddSingleton<ISenderDirectory, AccountSenderDirectory>();
        services.AddSingleton<TransactionAdmission>();
        services.AddSingleton<TransactionExecutor>();
        services.AddSingleton<ChainDriver>();
        services.AddGrainHost(host => host
            .AddGrain<IPivotChainGrain, PivotChainGrain>()
            .AddGrain<IEpochGrain, EpochGrain>()
            .AddGrain<IBlockGrain, BlockGrain>()
            .AddGrain<IAccountGrain, AccountGrain>()
            .AddGrain<ICountryGrain, CountryGrain>()
            .AddGrain<IShipmentGrain, ShipmentGrain>()
            .AddGrain<IDocumentGrain, DocumentGrain>()
            .AddGrain<IContractGrain, ContractGrain>()
            .AddGrain<IProjectGrain, ProjectGrain>()
            .AddGrainStorage(LedgerGrainStorage.ProviderName, _ => store.GrainStorage));
        // Hosted services start in this order, after the grain host: the journal, recovery, then production.
        services.AddSingleton(new PendingJournal(journalStore));
        services.AddHostedService(sp => sp.GetRequiredService<PendingJournal>());
        services.AddHostedService<NodeStartup>();
        services.AddSingleton<BlockProducer>();
        services.AddHostedService(sp => sp.GetRequiredService<BlockProducer>());
    }
}
