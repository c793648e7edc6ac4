using System.Text;
using System.Text.Json;
using BriOrleans.CanonicalEncoding;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Grains.Domain;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// Every view of every grain a test named, rendered as text: two snapshots are equal exactly when no view
/// changed. Nonces are entries of their own, so a refusal can be checked to have consumed one and nothing else.
/// </summary>
public sealed class LedgerSnapshot
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        Converters = { new AddressJsonConverter(), new Hash256JsonConverter(), new MinorUnitsJsonConverter() },
    };

    private readonly List<KeyValuePair<string, object?>> _entries;

    private LedgerSnapshot(List<KeyValuePair<string, object?>> entries) => _entries = entries;

    public static async Task<LedgerSnapshot> TakeAsync(TestLedger ledger)
    {
        var keys = ledger.Keys;
        var entries = new List<KeyValuePair<string, object?>>();
        foreach (var key in keys.Accounts)
        {
            var account = ledger.Grains.GetGrain<IAccountGrain>(key);
            entries.Add(new($"nonce {key}", await account.GetNextNonceAsync()));
            entries.Add(new($"account {key}", await account.GetOrganizationAsync() is { } o ? o with { NextNonce = 0 } : null));
        }
        foreach (var key in keys.Countries)
            entries.Add(new($"country {key}", await ledger.Grains.GetGrain<ICountryGrain>(key).GetAsync()));
        foreach (var key in keys.Shipments)
        {
            var shipment = ledger.Grains.GetGrain<IShipmentGrain>(key);
            entries.Add(new($"shipment {key}", await shipment.GetAsync()));
            entries.Add(new($"events {key}", await shipment.GetEventsAsync()));
        }
        foreach (var key in keys.Contracts)
            entries.Add(new($"contract {key}", await ledger.Grains.GetGrain<IContractGrain>(key).GetAsync()));
        foreach (var key in keys.Projects)
            entries.Add(new($"project {key}", await ledger.Grains.GetGrain<IProjectGrain>(key).GetAsync()));
        foreach (var key in keys.Documents)
            entries.Add(new($"document {key}", await ledger.Grains.GetGrain<IDocumentGrain>(key).GetAsync()));
        return new LedgerSnapshot(entries);
    }

    /// <summary>This snapshot as it should read after <paramref name="sender"/> consumed one nonce and changed nothing else.</summary>
    public LedgerSnapshot WithNonceConsumed(Address sender)
    {
        var key = $"nonce {IAccountGrain.KeyOf(sender)}";
        return new LedgerSnapshot([.. _entries.Select(e => e.Key == key ? new KeyValuePair<string, object?>(key, (ulong)e.Value! + 1) : e)]);
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var (key, view) in _entries)
            text.Append(key).Append(" = ").AppendLine(view is null ? "null" : JsonSerializer.Serialize(view, view.GetType(), s_json));
        return text.ToString();
    }
}
