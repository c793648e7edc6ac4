using System.Numerics;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Cli.Demo;

/// <summary>
/// The story `bri demo` tells on a running node: registrars of China, Kazakhstan and Pakistan admit their
/// organizations; two containers of textile looms travel by train from Xi'an to Almaty, are held by Kazakh customs
/// (a load during the hold is refused), released, trucked on to Lahore and delivered, with custody handovers and
/// anchored documents; a sales contract is signed, disputed, settled and completed; and a power project in Pakistan
/// records commitments, disbursements, a repayment and a verified milestone.
/// </summary>
internal sealed class DemoStory(DemoNarrator n, DemoCast c, IReadOnlyDictionary<string, PrivateKey> registrars, string run, ulong now)
{
    private const string ContainerA = "CSQU3054383";
    private const string ContainerB = "MSKU1234565";

    public string ShipmentId { get; } = $"SH-{run}";
    public string ContractId { get; } = $"CT-{run}-LOOMS";
    public string ProjectId { get; } = $"PRJ-{run}-THAR";

    // Event times (Unix seconds) a little in the past, in story order: actual events may not lie in the future.
    private ulong _clock = now - 3600;

    public async Task TellAsync()
    {
        n.Chapter("1. Each country's registrar admits its own organizations");
        await n.AllAsync(c.All.Select(p => (
            $"{p.Country} registrar admits {p.Name} ({string.Join(", ", p.Roles)})",
            registrars[p.Country],
            (Func<Address, ulong, ITransaction>)((from, nonce) => new RegisterOrganization(from, nonce, p.Address, p.Name, p.Country, p.Roles)))));
        await n.RefusedAsync("KZ registrar tries to admit an organization of Pakistan", "not_registrar_of_country", registrars["KZ"],
            (from, nonce) => new RegisterOrganization(from, nonce, PrivateKey.Generate().Address, "Impostor Ltd", "PK", ["importer"]));

        await ShipAsync();
        await ContractAsync();
        await FinanceAsync();
    }

    private async Task ShipAsync()
    {
        n.Chapter($"2. Shipment {ShipmentId}: Xi'an → Almaty → Lahore");
        await n.DoAsync("exporter books the shipment: 2 containers of looms, HS 844630, USD 1,250,000", c.Exporter.Key, (from, nonce) =>
            new CreateShipment(from, nonce, ShipmentId, c.Exporter.Address, c.Importer.Address, c.Carrier.Address, "CNSIA", "PKLHE",
                new Goods(HashOf("40 textile looms"), ["844630"], 1_250_000_00, "USD"), [ContainerA, ContainerB], ["CNSIA", "KZALA", "PKLHE"]));
        await n.DoAsync("exporter anchors the certificate of origin (CEO)", c.Exporter.Key, Anchor("certificate of origin CN-88 " + run, "CEO"));
        await n.DoAsync("exporter anchors the commercial invoice (INV)", c.Exporter.Key, Anchor("commercial invoice " + run, "INV"));
        await n.DoAsync("exporter hands custody to the carrier", c.Exporter.Key, (from, nonce) => new HandOverCustody(from, nonce, ShipmentId, c.Carrier.Address));
        await n.DoAsync("carrier accepts custody", c.Carrier.Key, (from, nonce) => new AcceptCustody(from, nonce, ShipmentId));
        await n.DoAsync("carrier anchors the rail waybill (TRD)", c.Carrier.Key, Anchor("rail waybill SMGS " + run, "TRD"));
        foreach (var container in new[] { ContainerA, ContainerB })
            await n.DoAsync($"carrier loads {container} on the train at Xi'an (LOAD)", c.Carrier.Key, Equipment($"E-LOAD-SIA-{container}", DcsaEventCodes.Loaded, "CNSIA", container));
        await n.DoAsync("Chinese customs releases the export (CUSR)", c.CustomsCn.Key, Equipment("C-CUSR-SIA", DcsaEventCodes.CustomsReleased, "CNSIA", ContainerA));
        await n.DoAsync("train X8024 departs Xi'an (DEPA)", c.Carrier.Key, Transport("E-DEPA-SIA", DcsaEventCodes.Departed, "CNSIA", "TRAIN-X8024"));
        await n.DoAsync("train X8024 arrives in Almaty (ARRI)", c.Carrier.Key, Transport("E-ARRI-ALA", DcsaEventCodes.Arrived, "KZALA", "TRAIN-X8024"));

        await n.DoAsync("Kazakh customs puts the shipment on hold (HOLD)", c.CustomsKz.Key, Status("C-HOLD-ALA", DcsaEventCodes.OnHold, "KZALA"));
        await n.DoAsync("Kazakh customs selects MSKU1234565 for inspection (CUSI)", c.CustomsKz.Key, Equipment("C-CUSI-ALA", DcsaEventCodes.CustomsSelectedForInspection, "KZALA", ContainerB));
        await n.DoAsync("carrier hands custody to the Almaty forwarder", c.Carrier.Key, (from, nonce) => new HandOverCustody(from, nonce, ShipmentId, c.Forwarder.Address));
        await n.DoAsync("forwarder accepts custody", c.Forwarder.Key, (from, nonce) => new AcceptCustody(from, nonce, ShipmentId));
        foreach (var container in new[] { ContainerA, ContainerB })
            await n.DoAsync($"forwarder discharges {container} in Almaty (DISC)", c.Forwarder.Key, Equipment($"E-DISC-ALA-{container}", DcsaEventCodes.Discharged, "KZALA", container));
        await n.RefusedAsync("forwarder tries to load a container onto the truck while the hold lasts", "shipment_held", c.Forwarder.Key,
            Equipment("E-LOAD-ALA-HELD", DcsaEventCodes.Loaded, "KZALA", ContainerA));
        await n.DoAsync("Kazakh customs releases the inspected container (CUSR)", c.CustomsKz.Key, Equipment("C-CUSR-ALA", DcsaEventCodes.CustomsReleased, "KZALA", ContainerB));
        await n.DoAsync("Kazakh customs anchors the transit clearance (CUC)", c.CustomsKz.Key, Anchor("KZ transit clearance " + run, "CUC"));
        await n.DoAsync("Kazakh customs lifts the hold (RELS)", c.CustomsKz.Key, Status("C-RELS-ALA", DcsaEventCodes.Released, "KZALA"));
        foreach (var container in new[] { ContainerA, ContainerB })
            await n.DoAsync($"forwarder loads {container} on the truck (LOAD)", c.Forwarder.Key, Equipment($"E-LOAD-ALA-{container}", DcsaEventCodes.Loaded, "KZALA", container));
        await n.DoAsync("truck KZ-0451 departs Almaty (DEPA)", c.Forwarder.Key, Transport("E-DEPA-ALA", DcsaEventCodes.Departed, "KZALA", "TRUCK-KZ-0451"));
        await n.DoAsync("truck KZ-0451 arrives in Lahore (ARRI)", c.Forwarder.Key, Transport("E-ARRI-LHE", DcsaEventCodes.Arrived, "PKLHE", "TRUCK-KZ-0451"));
        foreach (var container in new[] { ContainerA, ContainerB })
            await n.DoAsync($"forwarder discharges {container} in Lahore (DISC)", c.Forwarder.Key, Equipment($"E-DISC-LHE-{container}", DcsaEventCodes.Discharged, "PKLHE", container));
        await n.DoAsync("Pakistan customs anchors the import clearance (CUC)", c.CustomsPk.Key, Anchor("PK import clearance " + run, "CUC"));
        await n.DoAsync("forwarder hands custody to the importer", c.Forwarder.Key, (from, nonce) => new HandOverCustody(from, nonce, ShipmentId, c.Importer.Address));
        await n.DoAsync("importer accepts custody", c.Importer.Key, (from, nonce) => new AcceptCustody(from, nonce, ShipmentId));
        await n.DoAsync("importer confirms delivery in Lahore: the shipment closes", c.Importer.Key, (from, nonce) => new ConfirmDelivery(from, nonce, ShipmentId, "PKLHE"));
    }

    private async Task ContractAsync()
    {
        n.Chapter($"3. Contract {ContractId}: the sale of the looms");
        ContractMilestone[] milestones =
        [
            new("M-DELIVERED", HashOf("milestone delivered"), _clock + 86_400, c.Importer.Address),
            new("M-PAID", HashOf("milestone paid"), _clock + 172_800, c.Exporter.Address),
        ];
        await n.DoAsync("exporter proposes the contract to the importer (English law, USD 9,000,000)", c.Exporter.Key, (from, nonce) =>
            new ProposeContract(from, nonce, ContractId, [c.Exporter.Address, c.Importer.Address], HashOf("terms v1"), "UNCITRAL / English law",
                9_000_000_00, "USD", milestones, [ShipmentId]));
        await n.DoAsync("importer signs: the contract is active", c.Importer.Key, (from, nonce) => new SignContract(from, nonce, ContractId, HashOf("terms v1")));
        await n.DoAsync("importer raises a dispute over late arrival", c.Importer.Key, (from, nonce) => new RaiseDispute(from, nonce, ContractId, "D-LATE", HashOf("claim D-LATE")));
        await n.DoAsync("exporter records the settlement", c.Exporter.Key, (from, nonce) => new ResolveDispute(from, nonce, ContractId, "D-LATE", HashOf("settlement D-LATE")));
        await n.DoAsync("importer attests delivery", c.Importer.Key, (from, nonce) => new AttestContractMilestone(from, nonce, ContractId, "M-DELIVERED", HashOf("evidence delivered")));
        await n.DoAsync("exporter attests payment: the contract is completed", c.Exporter.Key, (from, nonce) => new AttestContractMilestone(from, nonce, ContractId, "M-PAID", HashOf("evidence paid")));
    }

    private async Task FinanceAsync()
    {
        n.Chapter($"4. Project {ProjectId}: a power plant in Pakistan, financed from China and Kazakhstan");
        await n.DoAsync("Thar Power registers the project (energy, USD 1.9 bn)", c.Sponsor.Key, (from, nonce) =>
            new RegisterProject(from, nonce, ProjectId, "PK", "energy", HashOf("Thar coal power plant"), 1_900_000_000_00, "USD"));
        await n.DoAsync("China Development Lender commits USD 1.2 bn", c.LenderCn.Key, Commit("CMT-CDB-1", 1_200_000_000_00, "USD"));
        await n.DoAsync("Eurasian Lender commits CNY 5 bn", c.LenderKz.Key, Commit("CMT-EDB-1", 5_000_000_000_00, "CNY"));
        await n.DoAsync("China Development Lender disburses USD 400 m", c.LenderCn.Key, (from, nonce) => new RecordDisbursement(from, nonce, ProjectId, "CMT-CDB-1", "DSB-1", 400_000_000_00, _clock));
        await n.DoAsync("the sponsor acknowledges the disbursement", c.Sponsor.Key, (from, nonce) => new AcknowledgeDisbursement(from, nonce, ProjectId, "DSB-1"));
        await n.DoAsync("the sponsor attests financial close", c.Sponsor.Key, (from, nonce) => new AttestProjectMilestone(from, nonce, ProjectId, "MS-FINANCIAL-CLOSE", HashOf("report financial close")));
        await n.DoAsync("Karachi Audit Partners verifies the milestone", c.Auditor.Key, (from, nonce) => new VerifyProjectMilestone(from, nonce, ProjectId, "MS-FINANCIAL-CLOSE"));
        await n.DoAsync("China Development Lender records a repayment of USD 25 m", c.LenderCn.Key, (from, nonce) => new RecordRepayment(from, nonce, ProjectId, "CMT-CDB-1", "RPY-1", 25_000_000_00, _clock));
        await n.DoAsync("the sponsor acknowledges the repayment", c.Sponsor.Key, (from, nonce) => new AcknowledgeRepayment(from, nonce, ProjectId, "RPY-1"));
    }

    private Func<Address, ulong, ITransaction> Anchor(string document, string type) =>
        (from, nonce) => new AnchorDocument(from, nonce, type, HashOf(document), ShipmentId);

    private Func<Address, ulong, ITransaction> Commit(string id, BigInteger amount, string currency) =>
        (from, nonce) => new RecordCommitment(from, nonce, ProjectId, id, amount, currency, HashOf("loan terms " + id));

    private Func<Address, ulong, ITransaction> Equipment(string id, string code, string location, string container) =>
        Event(id, DcsaEventCodes.Equipment, code, location, container, "");

    private Func<Address, ulong, ITransaction> Transport(string id, string code, string location, string vehicle) =>
        Event(id, DcsaEventCodes.Transport, code, location, "", vehicle);

    private Func<Address, ulong, ITransaction> Status(string id, string code, string location) =>
        Event(id, DcsaEventCodes.Shipment, code, location, "", "");

    private Func<Address, ulong, ITransaction> Event(string id, string type, string code, string location, string equipment, string transport)
    {
        var time = _clock += 60;
        return (from, nonce) => new RecordShipmentEvent(from, nonce, ShipmentId, id, type, code, DcsaEventCodes.Actual, time, location, equipment, transport);
    }

    private static Hash256 HashOf(string text) => Keccak.Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
