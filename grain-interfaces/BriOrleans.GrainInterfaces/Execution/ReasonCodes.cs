namespace BriOrleans.Execution;

/// <summary>
/// The stable reason codes of failed transactions (<see cref="TransactionOutcome.ReasonCode"/>, receipts, API
/// errors). Clients branch on them, so a code is never renamed or reused for another meaning.
/// </summary>
public static class ReasonCodes
{
    // Senders
    /// <summary>The signer's address is not a registered organization.</summary>
    public const string SenderNotRegistered = "sender_not_registered";
    /// <summary>The signer is a suspended organization: it can sign nothing until reinstated.</summary>
    public const string SenderSuspended = "sender_suspended";
    /// <summary>The signer lacks the role the transaction needs (e.g. registrar, customs, sponsor, lender).</summary>
    public const string RoleRequired = "role_required";

    // Fields
    /// <summary>A field is missing, too long or malformed; the message names it.</summary>
    public const string InvalidField = "invalid_field";
    /// <summary>An id (shipment, event, contract, milestone, ...) is empty, too long or has characters outside [A-Za-z0-9._:/-].</summary>
    public const string InvalidId = "invalid_id";
    /// <summary>An amount is negative, or zero where a positive amount is needed.</summary>
    public const string InvalidAmount = "invalid_amount";
    /// <summary>A currency is not three capital letters (ISO 4217 form).</summary>
    public const string InvalidCurrency = "invalid_currency";
    /// <summary>A country is not two capital letters (ISO 3166-1 alpha-2 form).</summary>
    public const string InvalidCountry = "invalid_country";
    /// <summary>A country is not a member country of the network.</summary>
    public const string UnknownCountry = "unknown_country";
    /// <summary>A location is not a UN/LOCODE (country code and three letters or digits 2-9).</summary>
    public const string InvalidLocation = "invalid_location";

    // Organizations
    /// <summary>The sender is a registrar, but of another country than the organization it acts on.</summary>
    public const string NotRegistrarOfCountry = "not_registrar_of_country";
    /// <summary>The address is already a registered organization.</summary>
    public const string AlreadyRegistered = "already_registered";
    /// <summary>The named address is not a registered organization.</summary>
    public const string UnknownOrganization = "unknown_organization";
    /// <summary>A named organization is suspended and cannot take part.</summary>
    public const string PartySuspended = "party_suspended";
    /// <summary>A named organization lacks the role its place in the transaction needs (e.g. the carrier of a shipment).</summary>
    public const string PartyRoleRequired = "party_role_required";
    /// <summary>A role is not one of the fixed roles of the network.</summary>
    public const string UnknownRole = "unknown_role";
    /// <summary>A role list is empty or names a role twice.</summary>
    public const string InvalidRoles = "invalid_roles";
    /// <summary>The validator role is granted and removed by genesis and governance only, never by a registrar.</summary>
    public const string RoleNotGrantable = "role_not_grantable";
    /// <summary>A legal entity identifier is not 20 characters with valid ISO 17442 check digits.</summary>
    public const string InvalidLei = "invalid_lei";
    /// <summary>A registrar tried to suspend, reinstate or change the roles of itself.</summary>
    public const string CannotTargetSelf = "cannot_target_self";
    /// <summary>The organization is already suspended.</summary>
    public const string AlreadySuspended = "already_suspended";
    /// <summary>The organization is not suspended, so it cannot be reinstated.</summary>
    public const string NotSuspended = "not_suspended";

    // Shipments
    /// <summary>A shipment with this id already exists.</summary>
    public const string ShipmentExists = "shipment_exists";
    /// <summary>No shipment has this id.</summary>
    public const string UnknownShipment = "unknown_shipment";
    /// <summary>The sender has no part in the shipment that the action needs (creator, issuer of a shipment document).</summary>
    public const string NotShipmentParty = "not_shipment_party";
    /// <summary>Origin equals destination, or a non-empty planned route does not run from origin to destination.</summary>
    public const string InvalidRoute = "invalid_route";
    /// <summary>An HS code is not 6, 8 or 10 digits, or the goods list none.</summary>
    public const string InvalidHsCode = "invalid_hs_code";
    /// <summary>A container number fails ISO 6346 (owner code, category, serial, check digit) or is listed twice.</summary>
    public const string InvalidEquipment = "invalid_equipment";
    /// <summary>The event type is not TRANSPORT, EQUIPMENT or SHIPMENT.</summary>
    public const string UnknownEventType = "unknown_event_type";
    /// <summary>The event type code is not a DCSA code of the event's type.</summary>
    public const string UnknownEventCode = "unknown_event_code";
    /// <summary>The classifier is not ACT, PLN or EST, or a SHIPMENT event is not ACT.</summary>
    public const string InvalidClassifier = "invalid_classifier";
    /// <summary>The shipment already has an event with this id.</summary>
    public const string EventExists = "event_exists";
    /// <summary>The retracted event id names no event of the shipment.</summary>
    public const string UnknownEvent = "unknown_event";
    /// <summary>The equipment reference is not one of the shipment's containers, or an EQUIPMENT event names none.</summary>
    public const string UnknownEquipment = "unknown_equipment";
    /// <summary>An actual (ACT) event is dated after the block that executes it.</summary>
    public const string EventInFuture = "event_in_future";
    /// <summary>Only the carrier or the current custodian records transport and equipment events or hands over custody.</summary>
    public const string NotCustodian = "not_custodian";
    /// <summary>The customs organization is not of the country where the event location lies.</summary>
    public const string CustomsWrongCountry = "customs_wrong_country";
    /// <summary>Customs of the location's country hold the shipment: it cannot move on from that country until released.</summary>
    public const string ShipmentHeld = "shipment_held";
    /// <summary>Customs of that country already hold the shipment.</summary>
    public const string AlreadyHeld = "already_held";
    /// <summary>Customs of that country do not hold the shipment, so there is nothing to release.</summary>
    public const string NotHeld = "not_held";
    /// <summary>An actual event breaks the physical order of its equipment (e.g. DISC before LOAD, DEPA from a place it is not at).</summary>
    public const string PhysicalOrder = "physical_order";
    /// <summary>The shipment is delivered and closed: only retractions by customs are accepted.</summary>
    public const string ShipmentClosed = "shipment_closed";
    /// <summary>A retraction carries a payload, or retracts a retraction.</summary>
    public const string InvalidRetraction = "invalid_retraction";
    /// <summary>The event was already retracted.</summary>
    public const string EventAlreadyRetracted = "event_already_retracted";
    /// <summary>Only the event's recorder, or customs of the event location's country, may retract it.</summary>
    public const string RetractionNotAllowed = "retraction_not_allowed";
    /// <summary>The new custodian is the current one.</summary>
    public const string InvalidCustodian = "invalid_custodian";
    /// <summary>No pending handover offers the shipment to the sender.</summary>
    public const string CustodyNotOffered = "custody_not_offered";
    /// <summary>Only the consignee confirms delivery.</summary>
    public const string NotConsignee = "not_consignee";
    /// <summary>Delivery is confirmed at another place than the shipment's destination.</summary>
    public const string WrongLocation = "wrong_location";

    // Documents
    /// <summary>The document type is not a DCSA document type code.</summary>
    public const string UnknownDocumentType = "unknown_document_type";
    /// <summary>A document with this hash is already anchored.</summary>
    public const string DocumentExists = "document_exists";

    // Contracts
    /// <summary>A contract with this id already exists.</summary>
    public const string ContractExists = "contract_exists";
    /// <summary>No contract has this id.</summary>
    public const string UnknownContract = "unknown_contract";
    /// <summary>The sender is not a party of the contract (or a proposer not among the parties it names).</summary>
    public const string ContractNotParty = "contract_not_party";
    /// <summary>A contract names fewer than two distinct parties.</summary>
    public const string InvalidParties = "invalid_parties";
    /// <summary>A milestone list is empty, repeats an id, or names an attestor that is not a party.</summary>
    public const string InvalidMilestones = "invalid_milestones";
    /// <summary>The contract is not awaiting signatures.</summary>
    public const string ContractNotProposed = "contract_not_proposed";
    /// <summary>The contract is not active.</summary>
    public const string ContractNotActive = "contract_not_active";
    /// <summary>The contract is completed or terminated.</summary>
    public const string ContractClosed = "contract_closed";
    /// <summary>The terms hash signed is not the contract's.</summary>
    public const string TermsMismatch = "terms_mismatch";
    /// <summary>The party already signed.</summary>
    public const string AlreadySigned = "already_signed";
    /// <summary>The party already agreed to terminate.</summary>
    public const string AlreadyAgreed = "already_agreed";
    /// <summary>No milestone has this id.</summary>
    public const string UnknownMilestone = "unknown_milestone";
    /// <summary>Only the milestone's designated party attests it.</summary>
    public const string NotAttestor = "not_attestor";
    /// <summary>The milestone is already attested.</summary>
    public const string MilestoneAttested = "milestone_attested";
    /// <summary>An amendment with this id already exists.</summary>
    public const string AmendmentExists = "amendment_exists";
    /// <summary>No amendment has this id.</summary>
    public const string UnknownAmendment = "unknown_amendment";
    /// <summary>Another amendment is still awaiting signatures.</summary>
    public const string AmendmentPending = "amendment_pending";
    /// <summary>The amendment is no longer awaiting signatures.</summary>
    public const string AmendmentNotPending = "amendment_not_pending";
    /// <summary>An amendment drops or changes a milestone that is already attested.</summary>
    public const string AttestedMilestoneChanged = "attested_milestone_changed";
    /// <summary>A dispute with this id already exists.</summary>
    public const string DisputeExists = "dispute_exists";
    /// <summary>No dispute has this id.</summary>
    public const string UnknownDispute = "unknown_dispute";
    /// <summary>The dispute is already resolved.</summary>
    public const string DisputeResolved = "dispute_resolved";

    // Projects
    /// <summary>A project with this id already exists.</summary>
    public const string ProjectExists = "project_exists";
    /// <summary>No project has this id.</summary>
    public const string UnknownProject = "unknown_project";
    /// <summary>The sender is not the project's sponsor.</summary>
    public const string NotSponsor = "not_sponsor";
    /// <summary>A commitment with this id already exists in the project.</summary>
    public const string CommitmentExists = "commitment_exists";
    /// <summary>No commitment of the project has this id.</summary>
    public const string UnknownCommitment = "unknown_commitment";
    /// <summary>The sender is not the lender of the commitment.</summary>
    public const string NotCommitmentLender = "not_commitment_lender";
    /// <summary>A disbursement or repayment with this id already exists in the project.</summary>
    public const string FlowExists = "flow_exists";
    /// <summary>No disbursement or repayment of the project has this id.</summary>
    public const string UnknownFlow = "unknown_flow";
    /// <summary>Disbursements under a commitment would exceed the amount committed.</summary>
    public const string ExceedsCommitment = "exceeds_commitment";
    /// <summary>Repayments under a commitment would exceed the acknowledged disbursements.</summary>
    public const string ExceedsDisbursed = "exceeds_disbursed";
    /// <summary>The disbursement or repayment is already acknowledged.</summary>
    public const string AlreadyAcknowledged = "already_acknowledged";
    /// <summary>A project milestone with this id is already attested.</summary>
    public const string MilestoneExists = "milestone_exists";
    /// <summary>The project milestone is already verified.</summary>
    public const string MilestoneVerified = "milestone_verified";
    /// <summary>A regulator verifies milestones of projects hosted in its own country only.</summary>
    public const string RegulatorWrongCountry = "regulator_wrong_country";
    /// <summary>The sponsor cannot verify its own milestone.</summary>
    public const string VerifierNotIndependent = "verifier_not_independent";
}
