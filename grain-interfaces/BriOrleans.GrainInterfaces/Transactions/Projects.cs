using System.Numerics;
using BriOrleans.Crypto;

namespace BriOrleans.Transactions;

/// <summary>A sponsor registers a financed project in a host country; amounts are minor units of the currency.</summary>
[TransactionKind("register-project")]
public sealed record RegisterProject(
    Address From, ulong Nonce, string ProjectId, string HostCountry, string Sector, Hash256 DescriptionHash,
    BigInteger TotalBudget, string Currency) : ITransaction;

/// <summary>A lender records a financing commitment to a project.</summary>
[TransactionKind("record-commitment")]
public sealed record RecordCommitment(
    Address From, ulong Nonce, string ProjectId, string CommitmentId, BigInteger Amount, string Currency,
    Hash256 TermsHash) : ITransaction;

/// <summary>A lender records a disbursement under one of its commitments; the sponsor acknowledges it.</summary>
[TransactionKind("record-disbursement")]
public sealed record RecordDisbursement(
    Address From, ulong Nonce, string ProjectId, string CommitmentId, string DisbursementId, BigInteger Amount,
    ulong ValueDate) : ITransaction;

/// <summary>The sponsor (borrower) acknowledges a disbursement.</summary>
[TransactionKind("acknowledge-disbursement")]
public sealed record AcknowledgeDisbursement(Address From, ulong Nonce, string ProjectId, string DisbursementId) : ITransaction;

/// <summary>A lender records a repayment received under one of its commitments; the sponsor acknowledges it.</summary>
[TransactionKind("record-repayment")]
public sealed record RecordRepayment(
    Address From, ulong Nonce, string ProjectId, string CommitmentId, string RepaymentId, BigInteger Amount,
    ulong ValueDate) : ITransaction;

/// <summary>The sponsor acknowledges a repayment.</summary>
[TransactionKind("acknowledge-repayment")]
public sealed record AcknowledgeRepayment(Address From, ulong Nonce, string ProjectId, string RepaymentId) : ITransaction;

/// <summary>The sponsor attests that a project milestone was reached.</summary>
[TransactionKind("attest-project-milestone")]
public sealed record AttestProjectMilestone(
    Address From, ulong Nonce, string ProjectId, string MilestoneId, Hash256 DescriptionHash) : ITransaction;

/// <summary>An auditor or regulator verifies an attested project milestone.</summary>
[TransactionKind("verify-project-milestone")]
public sealed record VerifyProjectMilestone(Address From, ulong Nonce, string ProjectId, string MilestoneId) : ITransaction;
