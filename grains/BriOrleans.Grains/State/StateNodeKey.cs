namespace BriOrleans.Grains.State;

/// <summary>
/// The identity of a stored node: the version that wrote it and its path. A version writes each path at most
/// once and never rewrites an older version's node, so stored nodes are immutable.
/// </summary>
public readonly record struct StateNodeKey(ulong Version, StateTreePath Path)
{
    public override string ToString() => $"{Path}@{Version}";
}
