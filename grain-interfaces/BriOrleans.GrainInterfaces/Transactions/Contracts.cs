using System.Numerics;
using BriOrleans.Crypto;

namespace BriOrleans.Transactions;

/// <summary>A contract milestone: what it is (by hash), when it is due (Unix seconds) and which party attests it.</summary>
public sealed record ContractMilestone(string MilestoneId, Hash256 DescriptionHash, ulong DueDate, Address Attestor);

/// <summary>Proposes a cross-border contract between two or more organizations; it is active once every party signed.</summary>
[TransactionKind("propose-contract")]
public sealed record ProposeContract(
    Address From, ulong Nonce, string ContractId, IReadOnlyList<Address> Parties, Hash256 TermsHash,
    string GoverningLaw, BigInteger Value, string Currency, IReadOnlyList<ContractMilestone> Milestones,
    IReadOnlyList<string> ShipmentIds) : ITransaction;

/// <summary>A party signs the contract, naming the terms it signs.</summary>
[TransactionKind("sign-contract")]
public sealed record SignContract(Address From, ulong Nonce, string ContractId, Hash256 TermsHash) : ITransaction;

/// <summary>The designated party attests a milestone; the contract completes when all are attested.</summary>
[TransactionKind("attest-contract-milestone")]
public sealed record AttestContractMilestone(
    Address From, ulong Nonce, string ContractId, string MilestoneId, Hash256 EvidenceHash) : ITransaction;

/// <summary>A party proposes new terms; they apply once every party has signed the amendment.</summary>
[TransactionKind("propose-contract-amendment")]
public sealed record ProposeContractAmendment(
    Address From, ulong Nonce, string ContractId, string AmendmentId, Hash256 TermsHash, BigInteger Value,
    IReadOnlyList<ContractMilestone> Milestones) : ITransaction;

/// <summary>A party signs a proposed amendment.</summary>
[TransactionKind("sign-contract-amendment")]
public sealed record SignContractAmendment(Address From, ulong Nonce, string ContractId, string AmendmentId) : ITransaction;

/// <summary>A party agrees to terminate; the contract is terminated once every party agreed.</summary>
[TransactionKind("terminate-contract")]
public sealed record TerminateContract(Address From, ulong Nonce, string ContractId, Hash256 ReasonHash) : ITransaction;

/// <summary>A party raises a dispute.</summary>
[TransactionKind("raise-dispute")]
public sealed record RaiseDispute(
    Address From, ulong Nonce, string ContractId, string DisputeId, Hash256 ReasonHash) : ITransaction;

/// <summary>A party records the resolution of an open dispute.</summary>
[TransactionKind("resolve-dispute")]
public sealed record ResolveDispute(
    Address From, ulong Nonce, string ContractId, string DisputeId, Hash256 ResolutionHash) : ITransaction;
