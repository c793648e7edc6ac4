using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Tests.Domain.Fixture;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Contracts;

/// <summary>Base of contract tests: the cast registered and shipment SH-1 booked; contract C-1 helpers between exporter and importer.</summary>
public abstract class ContractTests : BookedShipmentTests
{
    protected Address[] Parties => [Cast.Exporter.Address, Cast.Importer.Address];

    protected ContractMilestone[] Milestones => [Tx.Milestone("M-SHIP", Cast.Exporter.Address), Tx.Milestone("M-PAY", Cast.Importer.Address)];

    protected Task<ContractView> ContractAsync(string id = "C-1") => Ledger.ContractAsync(id);

    /// <summary>The exporter proposes C-1 and the importer signs it: the contract is active.</summary>
    protected async Task ActivateAsync()
    {
        await Ledger.ExecutesAsync(Cast.Exporter, Tx.Propose("C-1", Parties, Milestones, ["SH-1"]));
        await Ledger.ExecutesAsync(Cast.Importer, Tx.Sign("C-1"));
    }
}
