using BriOrleans.Chain;
using BriOrleans.GrainHost;
using BriOrleans.Ledger;
using BriOrleans.Runtime;
using BriOrleans.NodeCore.Pool;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BriOrleans.NodeCore.Execution;

/// <summary>
/// Moves the ledger along the pivot chain: offers blocks to the pivot-chain grain one at a time, and for every
/// epoch shift rolls back executed epochs that a pivot switch re-ordered, then executes the new epochs in order.
/// At start it resumes: epochs ordered but not executed before a crash are executed now. An epoch's results are
/// announced (its transactions leave the pool and the journal, its receipts go to subscribers) only once it is
/// durable, in epoch order, while the next epoch already executes. If writing an epoch fails, the node stops.
/// </summary>
public sealed partial class ChainDriver(
    IGrainFactory grains, IEpochLedger ledger, IBlockArchive archive, TransactionPool pool, PendingJournal journal, Silo silo, NodeEvents events,
    IHostApplicationLifetime lifetime, ILogger<ChainDriver> log)
{
    // Grain types that hold ledger state; after a rollback their activations must re-read it.
    private static readonly HashSet<string> ChainGrainTypes = ["pivotchain", "epoch", "block"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    // The announcement of the last executed epoch; each one waits for the one before.
    private Task _announced = Task.CompletedTask;

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
            await _announced;
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
        await _announced;
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
        _announced = AnnounceAsync(_announced, ledger.WhenCommittedAsync(plan.Number), execution, consumed);
    }

    private async Task AnnounceAsync(Task previous, Task durable, EpochExecution execution, List<Transactions.SignedTransaction> consumed)
    {
        await previous;
        try
        {
            await durable;
            // The pool keeps a transaction until its epoch is durable, so the API never calls an executed one unknown.
            pool.OnEpochExecuted(consumed, execution.ReturnedToPool);
            var returned = execution.ReturnedToPool.ToHashSet();
            await journal.ForgetAsync(consumed.Select(t => t.Hash).Where(h => !returned.Contains(h)));
            events.Publish(execution);
        }
        catch (Exception e)
        {
            // The memory is ahead of the database now: stop, and resume from the last durable epoch on restart.
            Log.WriteFailed(log, execution.Record.Number, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "chain recovered: {Blocks} blocks, best epoch {Best}, executed epoch {Executed}")]
        public static partial void Recovered(ILogger logger, int blocks, ulong best, long executed);

        [LoggerMessage(Level = LogLevel.Critical, Message = "writing epoch {Epoch} failed: the node stops and resumes from its last durable epoch on restart")]
        public static partial void WriteFailed(ILogger logger, ulong epoch, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "pivot switch: rolling back executed epochs {From} down to {To}")]
        public static partial void RollingBack(ILogger logger, long from, long to);
    }
}
