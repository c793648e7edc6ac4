using BriOrleans.Node.Api;
using BriOrleans.NodeCore;
using BriOrleans.NodeCore.Network;
using BriOrleans.NodeCore.Production;
using BriOrleans.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriOrleans.Node.Hosting;

/// <summary>The node executable's composition: a web application serving the API over a validator node.</summary>
public static class NodeHost
{
    public static async Task<WebApplication> BuildAsync(NodeOptions options, CancellationToken cancellation = default)
    {
        var network = LocalNetwork.Open(options.DataDirectory);
        var genesis = network.Genesis;
        var country = (options.Country ?? genesis.Countries[0].Code).ToUpperInvariant();
        var key = network.ValidatorKey(country);
        var store = await LedgerStore.OpenAsync(options.Storage, options.DataDirectory, genesis.ChainId, cancellationToken: cancellation);
        // The pending journal gets a store of its own: with SQLite a second file (DIR/pending/ledger.db), so its
        // small group commits never queue behind an epoch commit on SQLite's single writer.
        var journal = await LedgerStore.OpenAsync(options.Storage, Path.Combine(options.DataDirectory, "pending"), genesis.ChainId, cancellationToken: cancellation);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.ApiUrl);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        await builder.Services.AddValidatorNodeAsync(genesis, new NodeIdentity(country, key.Address), new ValidatorKey(key.Key), store, journal);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            journal.DisposeAsync().AsTask().GetAwaiter().GetResult();
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        MapApi(app);
        return app;
    }

    public static void MapApi(IEndpointRouteBuilder app)
    {
        TransactionEndpoints.Map(app);
        StatusEndpoints.Map(app);
        ChainEndpoints.Map(app);
        LedgerEndpoints.Map(app);
        SchemaEndpoint.Map(app);
        EventFeed.Map(app);
    }
}
