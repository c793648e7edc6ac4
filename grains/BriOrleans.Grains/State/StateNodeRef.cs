using BriOrleans.Crypto;

namespace BriOrleans.Grains.State;

/// <summary>
/// A parent's reference to a stored child: the child's hash, the version that wrote it and whether it is a
/// leaf. The child's path is the parent's plus one bit, so hash and version are enough to read it.
/// </summary>
public readonly record struct StateNodeRef(Hash256 Hash, ulong Version, bool IsLeaf);
