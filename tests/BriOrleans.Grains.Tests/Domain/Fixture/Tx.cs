using System.Numerics;
using BriOrleans.Crypto;
using BriOrleans.GrainInterfaces;
using BriOrleans.Transactions;

namespace BriOrleans.Grains.Tests.Domain.Fixture;

/// <summary>Transactions with sensible defaults, to be signed by whoever submits them (sender and nonce filled in then).</summary>
public static class Tx
{
    public const string ContainerA = "CSQU3054383";
    public const string ContainerB = "MSKU1234565";

    /// <summary>The default time of events (Unix seconds): the genesis time, so actual events are never in the future.</summary>
    public const ulong EventTime = TestLedger.GenesisTime / 1000;

    public static Hash256 HashOf(string text) => Keccak.Hash(System.Text.Encoding.UTF8.GetBytes(text));

    public static Func<Address, ulong, ITransaction> Register(Address address, string name, string country, params string[] roles) =>
        (from, nonce) => new RegisterOrganization(from, nonce, address, name, country, roles);

    public static Func<Address, ulong, ITransaction> CreateShipment(
        TradeCast cast, string id = "SH-1", string origin = "CNSIA", string destination = "PKLHE", string[]? route = null,
        string[]? equipment = null, Address? shipper = null, Address? consignee = null, Address? carrier = null, Goods? goods = null) =>
        (from, nonce) => new CreateShipment(
            from, nonce, id, shipper ?? cast.Exporter.Address, consignee ?? cast.Importer.Address, carrier ?? cast.Carrier.Address,
            origin, destination, goods ?? new Goods(HashOf("40 textile looms"), ["844630"], 1_250_000_00, "USD"),
            equipment ?? [ContainerA], route ?? ["CNSIA", "KZALA", "PKLHE"]);

    public static Func<Address, ulong, ITransaction> Event(
        string eventId, string type, string code, string location, string classifier = DcsaEventCodes.Actual,
        string equipment = "", string transport = "", ulong time = EventTime, string shipmentId = "SH-1") =>
        (from, nonce) => new RecordShipmentEvent(from, nonce, shipmentId, eventId, type, code, classifier, time, location, equipment, transport);

    public static Func<Address, ulong, ITransaction> Transport(string eventId, string code, string location, string transport = "TRAIN-X8024", string classifier = DcsaEventCodes.Actual) =>
        Event(eventId, DcsaEventCodes.Transport, code, location, classifier, transport: transport);

    public static Func<Address, ulong, ITransaction> Equipment(string eventId, string code, string location, string equipment = ContainerA, string classifier = DcsaEventCodes.Actual) =>
        Event(eventId, DcsaEventCodes.Equipment, code, location, classifier, equipment);

    public static Func<Address, ulong, ITransaction> ShipmentStatus(string eventId, string code, string location) =>
        Event(eventId, DcsaEventCodes.Shipment, code, location);

    public static Func<Address, ulong, ITransaction> Retract(string eventId, string retractedEventId, string shipmentId = "SH-1") =>
        (from, nonce) => new RecordShipmentEvent(from, nonce, shipmentId, eventId, "", "", "", 0, "", RetractedEventId: retractedEventId);

    public static Func<Address, ulong, ITransaction> HandOver(Address to, string shipmentId = "SH-1") =>
        (from, nonce) => new HandOverCustody(from, nonce, shipmentId, to);

    public static Func<Address, ulong, ITransaction> Accept(string shipmentId = "SH-1") =>
        (from, nonce) => new AcceptCustody(from, nonce, shipmentId);

    public static Func<Address, ulong, ITransaction> Deliver(string location = "PKLHE", string shipmentId = "SH-1") =>
        (from, nonce) => new ConfirmDelivery(from, nonce, shipmentId, location);

    public static Func<Address, ulong, ITransaction> Anchor(string document, string type = "INV", string shipmentId = "SH-1", string uri = "") =>
        (from, nonce) => new AnchorDocument(from, nonce, type, HashOf(document), shipmentId, uri);

    public static Func<Address, ulong, ITransaction> Propose(
        string id, Address[] parties, ContractMilestone[] milestones, string[]? shipments = null, string terms = "terms v1", BigInteger? value = null) =>
        (from, nonce) => new ProposeContract(from, nonce, id, parties, HashOf(terms), "UNCITRAL / English law", value ?? 9_000_000_00, "USD", milestones, shipments ?? []);

    public static ContractMilestone Milestone(string id, Address attestor, ulong due = EventTime + 86_400) => new(id, HashOf("milestone " + id), due, attestor);

    public static Func<Address, ulong, ITransaction> Sign(string id, string terms = "terms v1") =>
        (from, nonce) => new SignContract(from, nonce, id, HashOf(terms));

    public static Func<Address, ulong, ITransaction> Attest(string id, string milestoneId) =>
        (from, nonce) => new AttestContractMilestone(from, nonce, id, milestoneId, HashOf("evidence " + milestoneId));

    public static Func<Address, ulong, ITransaction> Amend(string id, string amendmentId, ContractMilestone[] milestones, string terms = "terms v2", BigInteger? value = null) =>
        (from, nonce) => new ProposeContractAmendment(from, nonce, id, amendmentId, HashOf(terms), value ?? 9_500_000_00, milestones);

    public static Func<Address, ulong, ITransaction> SignAmendment(string id, string amendmentId) =>
        (from, nonce) => new SignContractAmendment(from, nonce, id, amendmentId);

    public static Func<Address, ulong, ITransaction> Terminate(string id) =>
        (from, nonce) => new TerminateContract(from, nonce, id, HashOf("frustration"));

    public static Func<Address, ulong, ITransaction> Dispute(string id, string disputeId) =>
        (from, nonce) => new RaiseDispute(from, nonce, id, disputeId, HashOf("claim " + disputeId));

    public static Func<Address, ulong, ITransaction> Resolve(string id, string disputeId) =>
        (from, nonce) => new ResolveDispute(from, nonce, id, disputeId, HashOf("settlement " + disputeId));

    public static Func<Address, ulong, ITransaction> RegisterProject(string id = "PRJ-THAR", string hostCountry = "PK", BigInteger? budget = null, string currency = "USD") =>
        (from, nonce) => new RegisterProject(from, nonce, id, hostCountry, "energy", HashOf("Thar coal power plant"), budget ?? 1_900_000_000_00, currency);

    public static Func<Address, ulong, ITransaction> Commit(string commitmentId, BigInteger amount, string currency = "USD", string projectId = "PRJ-THAR") =>
        (from, nonce) => new RecordCommitment(from, nonce, projectId, commitmentId, amount, currency, HashOf("loan terms " + commitmentId));

    public static Func<Address, ulong, ITransaction> Disburse(string commitmentId, string disbursementId, BigInteger amount, string projectId = "PRJ-THAR") =>
        (from, nonce) => new RecordDisbursement(from, nonce, projectId, commitmentId, disbursementId, amount, EventTime);

    public static Func<Address, ulong, ITransaction> AcknowledgeDisbursement(string disbursementId, string projectId = "PRJ-THAR") =>
        (from, nonce) => new AcknowledgeDisbursement(from, nonce, projectId, disbursementId);

    public static Func<Address, ulong, ITransaction> Repay(string commitmentId, string repaymentId, BigInteger amount, string projectId = "PRJ-THAR") =>
        (from, nonce) => new RecordRepayment(from, nonce, projectId, commitmentId, repaymentId, amount, EventTime);

    public static Func<Address, ulong, ITransaction> AcknowledgeRepayment(string repaymentId, string projectId = "PRJ-THAR") =>
        (from, nonce) => new AcknowledgeRepayment(from, nonce, projectId, repaymentId);

    public static Func<Address, ulong, ITransaction> AttestProjectMilestone(string milestoneId, string projectId = "PRJ-THAR") =>
        (from, nonce) => new AttestProjectMilestone(from, nonce, projectId, milestoneId, HashOf("report " + milestoneId));

    public static Func<Address, ulong, ITransaction> VerifyProjectMilestone(string milestoneId, string projectId = "PRJ-THAR") =>
        (from, nonce) => new VerifyProjectMilestone(from, nonce, projectId, milestoneId);
}
