using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>
/// The whole story, as a script any test can play on a ledger: organizations of China, Kazakhstan and Pakistan;
/// shipment SH-2025-0001 of two containers by train from Xi'an to Almaty and by truck on to Lahore, with a
/// customs hold in Kazakhstan, custody handovers and documents; a sales contract with milestones; and a power
/// project in Pakistan financed by a Chinese and a Kazakh lender.
/// </summary>
public static class TradeStory
{
    public const string ShipmentId = "SH-2025-0001";
    public const string ContractId = "CT-2025-LOOMS";
    public const string ProjectId = "PRJ-THAR";

    public static async Task<TradeCast> PlayAsync(TestLedger ledger)
    {
        var cast = await TradeCast.RegisterAsync(ledger);
        await ShipAsync(ledger, cast);
        await ContractAsync(ledger, cast);
        await FinanceAsync(ledger, cast);
        return cast;
    }

    private static async Task ShipAsync(TestLedger l, TradeCast c)
    {
        await l.ExecutesAsync(c.Exporter, Tx.CreateShipment(c, ShipmentId, equipment: [Tx.ContainerA, Tx.ContainerB]));
        await l.ExecutesAsync(c.Exporter, Tx.Anchor("certificate of origin CN-88", "CEO", ShipmentId));
        await l.ExecutesAsync(c.Exporter, Tx.Anchor("commercial invoice 2025-001", "INV", ShipmentId));
        await l.ExecutesAsync(c.Carrier, Tx.Event("P-DEPA-SIA", DcsaEventCodes.Transport, DcsaEventCodes.Departed, "CNSIA", DcsaEventCodes.Planned, transport: "TRAIN-X8024", shipmentId: ShipmentId));
        await l.ExecutesAsync(c.Exporter, Tx.HandOver(c.Carrier.Address, ShipmentId));
        await l.ExecutesAsync(c.Carrier, Tx.Accept(ShipmentId));
        await l.ExecutesAsync(c.Carrier, Tx.Anchor("rail waybill SMGS 552", "TRD", ShipmentId));
        foreach (var container in new[] { Tx.ContainerA, Tx.ContainerB })
            await l.ExecutesAsync(c.Carrier, Equipment($"E-LOAD-SIA-{container}", DcsaEventCodes.Loaded, "CNSIA", container));
        await l.ExecutesAsync(c.CustomsCn, Equipment("C-CUSR-SIA", DcsaEventCodes.CustomsReleased, "CNSIA", Tx.ContainerA));
        await l.ExecutesAsync(c.Carrier, Transport("E-DEPA-SIA", DcsaEventCodes.Departed, "CNSIA", "TRAIN-X8024"));
        await l.ExecutesAsync(c.Carrier, Transport("E-ARRI-ALA", DcsaEventCodes.Arrived, "KZALA", "TRAIN-X8024"));

        await l.ExecutesAsync(c.CustomsKz, Tx.Event("C-HOLD-ALA", DcsaEventCodes.Shipment, DcsaEventCodes.OnHold, "KZALA", shipmentId: ShipmentId));
        await l.ExecutesAsync(c.CustomsKz, Equipment("C-CUSI-ALA", DcsaEventCodes.CustomsSelectedForInspection, "KZALA", Tx.ContainerB));
        await l.ExecutesAsync(c.Carrier, Tx.HandOver(c.Forwarder.Address, ShipmentId));
        await l.ExecutesAsync(c.Forwarder, Tx.Accept(ShipmentId));
        foreach (var container in new[] { Tx.ContainerA, Tx.ContainerB })
            await l.ExecutesAsync(c.Forwarder, Equipment($"E-DISC-ALA-{container}", DcsaEventCodes.Discharged, "KZALA", container));
        await l.RefusesAsync(BriOrleans.Execution.ReasonCodes.ShipmentHeld, c.Forwarder, Equipment("E-LOAD-ALA-HELD", DcsaEventCodes.Loaded, "KZALA", Tx.ContainerA));
        await l.ExecutesAsync(c.CustomsKz, Equipment("C-CUSR-ALA", DcsaEventCodes.CustomsReleased, "KZALA", Tx.ContainerB));
        await l.ExecutesAsync(c.CustomsKz, Tx.Anchor("KZ transit clearance 7781", "CUC", ShipmentId));
        await l.ExecutesAsync(c.CustomsKz, Tx.Event("C-RELS-ALA", DcsaEventCodes.Shipment, DcsaEventCodes.Released, "KZALA", shipmentId: ShipmentId));
        foreach (var container in new[] { Tx.ContainerA, Tx.ContainerB })
            await l.ExecutesAsync(c.Forwarder, Equipment($"E-LOAD-ALA-{container}", DcsaEventCodes.Loaded, "KZALA", container));
        await l.ExecutesAsync(c.Forwarder, Transport("E-DEPA-ALA", DcsaEventCodes.Departed, "KZALA", "TRUCK-KZ-0451"));
        await l.ExecutesAsync(c.Forwarder, Transport("E-ARRI-LHE", DcsaEventCodes.Arrived, "PKLHE", "TRUCK-KZ-0451"));
        foreach (var container in new[] { Tx.ContainerA, Tx.ContainerB })
            await l.ExecutesAsync(c.Forwarder, Equipment($"E-DISC-LHE-{container}", DcsaEventCodes.Discharged, "PKLHE", container));
        await l.ExecutesAsync(c.CustomsPk, Tx.Anchor("PK import clearance 3310", "CUC", ShipmentId));
        await l.ExecutesAsync(c.Importer, Tx.Deliver("PKLHE", ShipmentId));
    }

    private static async Task ContractAsync(TestLedger l, TradeCast c)
    {
        Crypto.Address[] parties = [c.Exporter.Address, c.Importer.Address];
        ContractMilestone[] milestones = [Tx.Milestone("M-DELIVERED", c.Importer.Address), Tx.Milestone("M-PAID", c.Exporter.Address)];
        await l.ExecutesAsync(c.Exporter, Tx.Propose(ContractId, parties, milestones, [ShipmentId]));
        await l.ExecutesAsync(c.Importer, Tx.Sign(ContractId));
        await l.ExecutesAsync(c.Importer, Tx.Dispute(ContractId, "D-LATE"));
        await l.ExecutesAsync(c.Exporter, Tx.Resolve(ContractId, "D-LATE"));
        await l.ExecutesAsync(c.Importer, Tx.Attest(ContractId, "M-DELIVERED"));
        await l.ExecutesAsync(c.Exporter, Tx.Attest(ContractId, "M-PAID"));
    }

    private static async Task FinanceAsync(TestLedger l, TradeCast c)
    {
        await l.ExecutesAsync(c.Sponsor, Tx.RegisterProject(ProjectId));
        await l.ExecutesAsync(c.LenderCn, Tx.Commit("CMT-CDB-1", 1_200_000_000_00, "USD", ProjectId));
        await l.ExecutesAsync(c.LenderKz, Tx.Commit("CMT-EDB-1", 5_000_000_000_00, "CNY", ProjectId));
        await l.ExecutesAsync(c.LenderCn, Tx.Disburse("CMT-CDB-1", "DSB-1", 400_000_000_00, ProjectId));
        await l.ExecutesAsync(c.Sponsor, Tx.AcknowledgeDisbursement("DSB-1", ProjectId));
        await l.ExecutesAsync(c.LenderKz, Tx.Disburse("CMT-EDB-1", "DSB-2", 1_000_000_000_00, ProjectId));
        await l.ExecutesAsync(c.Sponsor, Tx.AttestProjectMilestone("MS-FINANCIAL-CLOSE", ProjectId));
        await l.ExecutesAsync(c.Auditor, Tx.VerifyProjectMilestone("MS-FINANCIAL-CLOSE", ProjectId));
        await l.ExecutesAsync(c.LenderCn, Tx.Repay("CMT-CDB-1", "RPY-1", 25_000_000_00, ProjectId));
        await l.ExecutesAsync(c.Sponsor, Tx.AcknowledgeRepayment("RPY-1", ProjectId));
    }

    private static Func<Crypto.Address, ulong, ITransaction> Equipment(string id, string code, string location, string container) =>
        Tx.Event(id, DcsaEventCodes.Equipment, code, location, equipment: container, shipmentId: ShipmentId);

    private static Func<Crypto.Address, ulong, ITransaction> Transport(string id, string code, string location, string transport) =>
        Tx.Event(id, DcsaEventCodes.Transport, code, location, transport: transport, shipmentId: ShipmentId);
}
