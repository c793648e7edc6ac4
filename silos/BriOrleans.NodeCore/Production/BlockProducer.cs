using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Grains.Chain;
using BriOrleans.Ledger;
using BriOrleans.NodeCore.Execution;
using BriOrleans.NodeCore.Pool;
using BriOrleans.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriOrleans.NodeCore.Production;

/// <summary>
/// The validator's block production (CONSENSUS.md): every <c>minBlockInterval</c>, when the pool holds ready
/// transactions, it builds a block on the pivot tip with all other tips as referees, commits the state root of
/// the epoch <c>deferredEpochs</c> below, signs it with the node's validator key and submits it to the chain.
/// </summary>
public sealed partial class BlockProducer(
    IGrainFactory grains, ChainDriver driver, TransactionPool pool, IEpochLedger ledger, ChainRules rules,
    ValidatorKey key, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<BlockProducer> log) : BackgroundService
{
    private ulong _lastTimestamp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(rules.Parameters.MinBlockIntervalMs), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await ProduceOnceAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
        catch (Exception e)
        {
            // Execution or storage failed: the ledger may be half-way through an epoch. Stop the node; a restart
            // resumes from the last committed epoch.
            Log.Failed(log, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>Produces one block if transactions are ready; returns it, or null when there was nothing to do.</summary>
    public async Task<Block?> ProduceOnceAsync()
    {
        var transactions = pool.TakeForBlock(rules.Parameters.MaxBlockTransactions);
        if (transactions.Count == 0)
            return null;
        var template = await grains.GetGrain<IPivotChainGrain>(0).NextBlockAsync();
        var deferred = template.Height > (ulong)rules.Parameters.DeferredEpochs ? template.Height - (ulong)rules.Parameters.DeferredEpochs : 0;
        var committed = await ledger.GetAsync(deferred)
            ?? throw new InvalidOperationException($"epoch {deferred} is not executed, so block {template.Height} cannot commit its state");
        var now = (ulong)clock.GetUtcNow().ToUnixTimeMilliseconds();
        var timestamp = Math.Max(now, Math.Max(template.ParentTimestamp, _lastTimestamp + rules.Parameters.MinBlockIntervalMs));
        var block = Block.Produce(rules.ChainId, template.Parent, template.Height, timestamp, template.Referees, transactions,
            committed.StateRoot, committed.ReceiptsRoot, key.Key);
        var admission = await driver.SubmitBlockAsync(block, BlockOrigin.Produced);
        if (!admission.Accepted)
        {
            Log.Refused(log, block.Id, admission.ReasonCode, admission.Message);
            pool.OnEpochExecuted([], transactions.Select(t => t.Hash));
            return null;
        }
        _lastTimestamp = timestamp;
        return block;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "the chain refused this node's own block {Block}: {Code}: {Message}")]
        public static partial void Refused(ILogger logger, Hash256 block, string code, string message);

        [LoggerMessage(Level = LogLevel.Critical, Message = "block production stopped: the node stops and resumes from its last committed epoch on restart")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

/// <summary>The key this node signs its blocks with: its country's validator key.</summary>
public sealed record ValidatorKey(PrivateKey Key);
