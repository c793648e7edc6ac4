using BriOrleans.Crypto;

namespace BriOrleans.Grains.State;

/// <summary>The root of one version of the state tree; <see cref="Node"/> is null when that state is empty.</summary>
public readonly record struct StateTreeRoot(ulong Version, StateNodeRef? Node)
{
    /// <summary>The state root committed for the version.</summary>
    public Hash256 Hash => Node?.Hash ?? Hash256.Zero;
}
