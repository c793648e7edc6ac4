using BriOrleans.Crypto;

namespace BriOrleans.Cli.Demo;

/// <summary>One organization of the demo: its key, country, name and roles.</summary>
internal sealed record DemoParty(string Label, string Country, string Name, string[] Roles)
{
    public PrivateKey Key { get; init; } = PrivateKey.Generate();
    public Address Address => Key.Address;
}

/// <summary>
/// The organizations of the demo story: a shipment from Xi'an (CN) to Lahore (PK) through Almaty (KZ) and a power
/// project in Pakistan financed from China and Kazakhstan. Their keys are new development keys for every run.
/// </summary>
internal sealed class DemoCast
{
    public DemoParty Exporter { get; } = new("exporter", "CN", "Xi'an Machinery Export Co.", ["exporter"]);
    public DemoParty Carrier { get; } = new("carrier", "CN", "China Railway Container Transport", ["carrier"]);
    public DemoParty CustomsCn { get; } = new("customs-cn", "CN", "General Administration of Customs, Xi'an", ["customs"]);
    public DemoParty LenderCn { get; } = new("lender-cn", "CN", "China Development Lender", ["lender", "bank"]);
    public DemoParty Forwarder { get; } = new("forwarder", "KZ", "Almaty Forwarding", ["forwarder"]);
    public DemoParty CustomsKz { get; } = new("customs-kz", "KZ", "Kazakhstan State Revenue Committee", ["customs"]);
    public DemoParty LenderKz { get; } = new("lender-kz", "KZ", "Eurasian Lender", ["lender"]);
    public DemoParty Importer { get; } = new("importer", "PK", "Lahore Textile Importers", ["importer"]);
    public DemoParty CustomsPk { get; } = new("customs-pk", "PK", "Pakistan Customs, Lahore", ["customs"]);
    public DemoParty RegulatorPk { get; } = new("regulator-pk", "PK", "State Bank of Pakistan", ["regulator"]);
    public DemoParty Sponsor { get; } = new("sponsor", "PK", "Thar Power Company", ["sponsor"]);
    public DemoParty Auditor { get; } = new("auditor", "PK", "Karachi Audit Partners", ["auditor"]);

    public IReadOnlyList<DemoParty> All =>
        [Exporter, Carrier, CustomsCn, LenderCn, Forwarder, CustomsKz, LenderKz, Importer, CustomsPk, RegulatorPk, Sponsor, Auditor];
}
