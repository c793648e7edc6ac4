using BriOrleans.Crypto;
using BriOrleans.Ledger;

namespace BriOrleans.Storage;

/// <summary>
/// An executed epoch as stored: its record, and for its receipts in execution order the transaction hashes and the
/// receipt hashes (the leaves of <see cref="EpochRecord.ReceiptsRoot"/>).
/// </summary>
public sealed record StoredEpoch(EpochRecord Record, IReadOnlyList<Hash256> TransactionHashes, IReadOnlyList<Hash256> ReceiptHashes);
