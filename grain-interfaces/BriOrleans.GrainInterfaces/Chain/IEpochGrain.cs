using BriOrleans.Ledger;
using BriOrleans.Runtime;

namespace BriOrleans.Chain;

/// <summary>An epoch (key: its number): executes its transactions in the total order and serves its record.</summary>
public interface IEpochGrain : IGrainWithIntegerKey
{
    /// <summary>Executes the planned epoch and commits its results atomically.</summary>
    Task<EpochExecution> ExecuteAsync(EpochPlan plan);

    Task<EpochRecord?> GetAsync();
}
