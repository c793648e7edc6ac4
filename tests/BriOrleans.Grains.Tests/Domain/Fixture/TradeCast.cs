using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// The organizations of the tests, registered by their countries' registrars: a shipment from Xi'an (CN) to
/// Lahore (PK) through Kazakhstan, and a financed power project in Pakistan. Keys are test-only.
/// </summary>
public sealed class TradeCast
{
    public PrivateKey Exporter { get; } = TestKeys.FromLabel("cn/exporter");
    public PrivateKey Carrier { get; } = TestKeys.FromLabel("cn/carrier");
    public PrivateKey CustomsCn { get; } = TestKeys.FromLabel("cn/customs");
    public PrivateKey RegulatorCn { get; } = TestKeys.FromLabel("cn/regulator");
    public PrivateKey LenderCn { get; } = TestKeys.FromLabel("cn/lender");
    public PrivateKey Forwarder { get; } = TestKeys.FromLabel("kz/forwarder");
    public PrivateKey Port { get; } = TestKeys.FromLabel("kz/port");
    public PrivateKey CustomsKz { get; } = TestKeys.FromLabel("kz/customs");
    public PrivateKey LenderKz { get; } = TestKeys.FromLabel("kz/lender");
    public PrivateKey Importer { get; } = TestKeys.FromLabel("pk/importer");
    public PrivateKey CustomsPk { get; } = TestKeys.FromLabel("pk/customs");
    public PrivateKey RegulatorPk { get; } = TestKeys.FromLabel("pk/regulator");
    public PrivateKey Sponsor { get; } = TestKeys.FromLabel("pk/sponsor");
    public PrivateKey Auditor { get; } = TestKeys.FromLabel("pk/auditor");
    /// <summary>A key no registrar admitted.</summary>
    public PrivateKey Stranger { get; } = TestKeys.FromLabel("stranger");

    public static async Task<TradeCast> RegisterAsync(TestLedger ledger)
    {
        var cast = new TradeCast();
        await cast.AdmitAsync(ledger, "CN", cast.Exporter, "Xi'an Machinery Export Co.", OrganizationRoles.Exporter);
        await cast.AdmitAsync(ledger, "CN", cast.Carrier, "China Railway Container Transport", OrganizationRoles.Carrier);
        await cast.AdmitAsync(ledger, "CN", cast.CustomsCn, "General Administration of Customs, Xi'an", OrganizationRoles.Customs);
        await cast.AdmitAsync(ledger, "CN", cast.RegulatorCn, "China Banking Regulator", OrganizationRoles.Regulator);
        await cast.AdmitAsync(ledger, "CN", cast.LenderCn, "China Development Lender", OrganizationRoles.Lender, OrganizationRoles.Bank);
        await cast.AdmitAsync(ledger, "KZ", cast.Forwarder, "Almaty Forwarding", OrganizationRoles.Forwarder);
        await cast.AdmitAsync(ledger, "KZ", cast.Port, "Khorgos Dry Port", OrganizationRoles.Port);
        await cast.AdmitAsync(ledger, "KZ", cast.CustomsKz, "Kazakhstan State Revenue Committee", OrganizationRoles.Customs);
        await cast.AdmitAsync(ledger, "KZ", cast.LenderKz, "Eurasian Lender", OrganizationRoles.Lender);
        await cast.AdmitAsync(ledger, "PK", cast.Importer, "Lahore Textile Importers", OrganizationRoles.Importer);
        await cast.AdmitAsync(ledger, "PK", cast.CustomsPk, "Pakistan Customs, Lahore", OrganizationRoles.Customs);
        await cast.AdmitAsync(ledger, "PK", cast.RegulatorPk, "State Bank of Pakistan", OrganizationRoles.Regulator);
        await cast.AdmitAsync(ledger, "PK", cast.Sponsor, "Thar Power Company", OrganizationRoles.Sponsor);
        await cast.AdmitAsync(ledger, "PK", cast.Auditor, "Karachi Audit Partners", OrganizationRoles.Auditor);
        return cast;
    }

    private async Task AdmitAsync(TestLedger ledger, string country, PrivateKey key, string name, params string[] roles) =>
        await ledger.ExecutesAsync(TestLedger.Registrar(country), (from, nonce) => new RegisterOrganization(from, nonce, key.Address, name, country, roles));
}
