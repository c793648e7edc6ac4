using BriOrleans.Chain;
using BriOrleans.Crypto;
using BriOrleans.Execution;
using BriOrleans.Grains.Domain;
using BriOrleans.Grains.Execution;
using BriOrleans.Ledger;
using BriOrleans.Runtime;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Chain;

/// <summary>
/// An epoch (key: its number). Executing it runs every transaction of its executed blocks in the total order
/// through the <see cref="TransactionExecutor"/>, then commits the grain-state writes, receipts, state root and
/// epoch record in one database transaction through the <see cref="IEpochLedger"/>. Epoch 0 seeds genesis.
/// </summary>
[GrainType("epoch")]
public sealed class EpochGrain(IEpochLedger ledger, IBlockArchive archive, ChainRules rules, TransactionExecutor executor)
    : Grain, IEpochGrain
{
    public async Task<EpochExecution> ExecuteAsync(EpochPlan plan)
    {
        if (plan.Number != (ulong)this.GetPrimaryKeyLong())
            throw new ArgumentException($"plan of epoch {plan.Number} sent to epoch {this.GetPrimaryKeyLong()}", nameof(plan));
        ledger.Begin(plan.Number);
        try
        {
            var receipts = new List<Receipt>();
            var returned = new List<Hash256>();
            if (plan.Number == 0)
                await GenesisState.ApplyAsync(GrainFactory, rules.Genesis);
            foreach (var blockId in plan.Skipped)
                returned.AddRange((await BlockAsync(blockId)).Transactions.Select(t => t.Hash));
            var executed = new List<Block>();
            foreach (var blockId in plan.Executed)
                executed.Add(await BlockAsync(blockId));
            await ledger.PrefetchAsync([.. executed
                .SelectMany(b => b.Transactions.SelectMany(t => TouchedGrains.Of(t.Transaction)))
                .Distinct()
                .Select(g => (g, LedgerState.Name))]);
            foreach (var block in executed)
            {
                var blockId = block.Id;
                foreach (var tx in block.Transactions)
                {
                    var outcome = await executor.ExecuteAsync(tx, new TransactionContext(tx.Hash, blockId, plan.Number, plan.Timestamp));
                    if (outcome.LeavesReceipt)
                        receipts.Add(ReceiptOf(tx, blockId, plan, receipts.Count, outcome));
                    else if (outcome.Kind == OutcomeKind.SkippedNonceAhead)
                        returned.Add(tx.Hash);
                }
            }
            var draft = new EpochRecord(plan.Number, plan.Pivot, plan.Blocks, plan.Skipped, Hash256.Zero, Hash256.Zero, plan.Timestamp,
                receipts.Count(r => r.Status == TransactionStatus.Executed), receipts.Count(r => r.Status == TransactionStatus.Failed));
            var record = await ledger.CommitAsync(draft, receipts);
            return new EpochExecution(record, receipts, returned);
        }
        catch
        {
            // Nothing of a half-executed epoch may reach the database; the exception still propagates.
            ledger.Abandon();
            throw;
        }
    }

    public Task<EpochRecord?> GetAsync() => ledger.GetAsync((ulong)this.GetPrimaryKeyLong());

    private async Task<Block> BlockAsync(Hash256 id) =>
        await archive.GetAsync(id) ?? throw new InvalidOperationException($"block {id} of an ordered epoch is missing from the archive");

    private static Receipt ReceiptOf(SignedTransaction tx, Hash256 blockId, EpochPlan plan, int position, TransactionOutcome outcome) => new(
        tx.Hash, tx.Kind.Name, tx.Transaction.From, tx.Transaction.Nonce, blockId, plan.Number, position,
        outcome.Kind == OutcomeKind.Executed ? TransactionStatus.Executed : TransactionStatus.Failed,
        outcome.ReasonCode, outcome.Message, plan.Timestamp);
}
