using System.Text.Json;
using BriOrleans.GrainHost;
using BriOrleans.GrainInterfaces;
using BriOrleans.Runtime;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>The bytes storage holds for every grain a ledger's transactions named, keyed by grain id, in ordinal order.</summary>
public static class StoredState
{
    public static async Task<SortedDictionary<string, string>> ReadAsync(TestLedger ledger)
    {
        var ids = ledger.Keys.Accounts.Select(k => ledger.Grains.GetGrain<IAccountGrain>(k).GetGrainId())
            .Concat(ledger.Keys.Countries.Select(k => ledger.Grains.GetGrain<ICountryGrain>(k).GetGrainId()))
            .Concat(ledger.Keys.Shipments.Select(k => ledger.Grains.GetGrain<IShipmentGrain>(k).GetGrainId()))
            .Concat(ledger.Keys.Contracts.Select(k => ledger.Grains.GetGrain<IContractGrain>(k).GetGrainId()))
            .Concat(ledger.Keys.Projects.Select(k => ledger.Grains.GetGrain<IProjectGrain>(k).GetGrainId()))
            .Concat(ledger.Keys.Documents.Select(k => ledger.Grains.GetGrain<IDocumentGrain>(k).GetGrainId()));
        var records = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var record = new GrainState<JsonElement>(default);
            await ledger.Storage.ReadStateAsync("state", id, record);
            if (record.RecordExists)
                records[id.ToString()] = record.State.GetRawText();
        }
        return records;
    }
}
