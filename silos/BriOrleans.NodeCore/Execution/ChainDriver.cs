using BriOrleans.Chain;
using BriOrleans.GrainHost;
using BriOrleans.Ledger;
using BriOrleans.Runtime;
using BriOrleans.NodeCore.Pool;
using Microsoft.Extensions.Logging;

namespace BriOrleans.NodeCore.Execution;

/// <summary>
/// Moves the ledger along the pivot chain: offers blocks to the pivot-chain grain one at a time, and for every
/// epoch shift rolls back executed epochs that a pivot switch re-ordered, then executes the new epochs in order.
/// At start it resumes: epochs ordered but not executed before a crash are executed now.
/// </summary>
public sealed partial class ChainDriver(
    IGrainFactory grains, IEpochLedger ledger, IBlockArchive archive, TransactionPool pool, PendingJournal journal, Silo silo, NodeEvents events,
    ILogger<ChainDriver> log)
{
    // Grain types that hold ledger state; after a rollback their activations must re-read it.
    private static readonly HashSet<string> ChainGrainTypes = ["pivotchain", "epoch", "block"];

    private readonly SemaphoreSlim _gate = new(1, 1);

    private IPivotChainGrain PivotChain => grains.GetGrain<IPivotChainGrain>(0);

    public async Task<BlockAdmission> SubmitBlockAsync(Block block, BlockOrigin origin)
    {
        await _gate.WaitAsync();
        try
        {
            var admission = await PivotChain.AddBlockAsync(block, origin);
            if (admission.Accepted && admission.Epochs is { } shift)
                await ApplyAsync(shift);
            return admission;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replays the stored chain, undoes executed epochs that are no longer on it, executes what is missing.</summary>
    public async Task RecoverAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var status = await PivotChain.GetStatusAsync();
            var executed = ledger.ExecutedEpoch;
            while (executed >= 0)
            {
                var record = await ledger.GetAsync((ulong)executed);
                var plan = await PivotChain.EpochPlanAsync((ulong)executed);
                if (record is not null && plan is not null && record.Pivot == plan.Pivot)
                    break;
                executed--;
            }
            if (executed < ledger.ExecutedEpoch)
                await RollBackAsync(executed);
            for (var n = (ulong)(executed + 1); n <= status.BestEpoch; n++)
                await ExecuteAsync((await PivotChain.EpochPlanAsync(n))!);
            Log.Recovered(log, status.BlockCount, status.BestEpoch, ledger.ExecutedEpoch);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ApplyAsync(EpochShift shift)
    {
        if (shift.RemovedCount > 0 && shift.FirstChangedEpoch <= ledger.ExecutedEpoch)
            await RollBackAsync(shift.FirstChangedEpoch - 1);
        foreach (var plan in shift.Added)
            await ExecuteAsync(plan);
    }

    private async Task RollBackAsync(long epoch)
    {
        Log.RollingBack(log, ledger.ExecutedEpoch, epoch);
        await ledger.RollbackToAsync((ulong)epoch);
        await silo.DeactivateAsync(id => !ChainGrainTypes.Contains(id.Type), $"ledger rolled back to epoch {epoch}");
    }

    private async Task ExecuteAsync(EpochPlan plan)
    {
        var execution = await grains.GetGrain<IEpochGrain>((long)plan.Number).ExecuteAsync(plan);
        var consumed = new List<Transactions.SignedTransaction>();
        foreach (var blockId in plan.Blocks)
            if (await archive.GetAsync(blockId) is { } block)
                consumed.AddRange(block.Transactions);
        pool.OnEpochExecuted(consumed, execution.ReturnedToPool);
        var returned = execution.ReturnedToPool.ToHashSet();
        await journal.ForgetAsync(consumed.Select(t => t.Hash).Where(h => !returned.Contains(h)));
        events.Publish(execution);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "chain recovered: {Blocks} blocks, best epoch {Best}, executed epoch {Executed}")]
        public static partial void Recovered(ILogger logger, int blocks, ulong best, long executed);

        [LoggerMessage(Level = LogLevel.Warning, Message = "pivot switch: rolling back executed epochs {From} down to {To}")]
        public static partial void RollingBack(ILogger logger, long from, long to);
    }
}
