using BriOrleans.Crypto;

namespace BriOrleans.StateProofs;

/// <summary>The leaf a proof's path ends at: a key of the state and the value hash committed for it.</summary>
public readonly record struct StateProofLeaf(Hash256 Key, Hash256 Value);
