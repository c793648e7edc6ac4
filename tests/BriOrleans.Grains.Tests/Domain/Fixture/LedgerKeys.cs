using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Domain;
using BriOrleans.Ledger;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// The keys of every grain a test's transactions named (read off their fields by type and name), so that a
/// snapshot can cover every grain a refused transaction could have touched.
/// </summary>
public sealed class LedgerKeys
{
    public SortedSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Countries { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Shipments { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Contracts { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Projects { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Documents { get; } = new(StringComparer.Ordinal);

    public void AddGenesis(Genesis genesis)
    {
        foreach (var country in genesis.Countries)
        {
            Countries.Add(country.Code);
            foreach (var address in country.Registrars.Concat(country.Validators))
                Accounts.Add(IAccountGrain.KeyOf(address));
        }
    }

    public void AddFrom(object record)
    {
        foreach (var property in record.GetType().GetProperties())
        {
            var value = property.GetValue(record);
            switch (value)
            {
                case Address address:
                    Accounts.Add(IAccountGrain.KeyOf(address));
                    break;
                case Hash256 hash when property.Name == nameof(AnchorDocument.DocumentHash):
                    Documents.Add(IDocumentGrain.KeyOf(hash));
                    break;
                case string text when FieldFormat.IsId(text):
                    AddId(property.Name, text);
                    break;
                case IEnumerable<string> ids when property.Name == nameof(ProposeContract.ShipmentIds):
                    foreach (var id in ids.Where(FieldFormat.IsId))
                        Shipments.Add(id);
                    break;
                case System.Collections.IEnumerable items and not string:
                    foreach (var item in items)
                        AddItem(item);
                    break;
            }
        }
    }

    private void AddItem(object? item)
    {
        if (item is Address address)
            Accounts.Add(IAccountGrain.KeyOf(address));
        else if (item is ContractMilestone milestone)
            AddFrom(milestone);
    }

    private void AddId(string field, string id)
    {
        var set = field switch
        {
            nameof(CreateShipment.ShipmentId) => Shipments,
            nameof(ProposeContract.ContractId) => Contracts,
            nameof(RegisterProject.ProjectId) => Projects,
            nameof(RegisterOrganization.Country) or nameof(RegisterProject.HostCountry) => Countries,
            _ => null,
        };
        set?.Add(id);
    }
}
