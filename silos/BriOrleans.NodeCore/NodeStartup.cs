using BriOrleans.Ledger;
using BriOrleans.NodeCore.Admission;
using BriOrleans.NodeCore.Execution;
using BriOrleans.NodeCore.Pool;
using Microsoft.Extensions.Hosting;

namespace BriOrleans.NodeCore;

/// <summary>
/// Before the node produces or serves writes: replay the stored chain, execute what a crash left unexecuted, and
/// re-admit the acknowledged transactions that had not reached a block (those now invalid leave the journal).
/// </summary>
public sealed class NodeStartup(ChainDriver driver, PendingJournal journal, TransactionAdmission admission, Genesis genesis) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await driver.RecoverAsync();
        var stale = new List<Crypto.Hash256>();
        foreach (var tx in await journal.LoadAsync(genesis.ChainId))
            if (!(await admission.AdmitAsync(tx, alreadyJournaled: true)).Accepted)
                stale.Add(tx.Hash);
        await journal.ForgetAsync(stale);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
