using BriOrleans.NodeCore.Execution;
using Microsoft.Extensions.Hosting;

namespace BriOrleans.NodeCore;

/// <summary>Before the node produces or serves writes: replay the stored chain and execute what a crash left unexecuted.</summary>
public sealed class NodeStartup(ChainDriver driver) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => driver.RecoverAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
