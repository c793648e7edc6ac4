using BriOrleans.Crypto;

namespace BriOrleans.Storage;

/// <summary>Where a transaction of an epoch sits: the block carrying it and its index in that block's list.</summary>
public readonly record struct TransactionPlacement(Hash256 TransactionHash, Hash256 BlockId, int IndexInBlock);

/// <summary>A block that carries a transaction, and the epoch that executed that block.</summary>
public readonly record struct TransactionLocation(Hash256 BlockId, int IndexInBlock, ulong Epoch);
