using BriOrleans.Crypto;

namespace BriOrleans.Grains.State;

/// <summary>One change an epoch makes to the state: a key set to a value hash (<see cref="Value"/>), or deleted (null).</summary>
public readonly record struct StateChange(Hash256 Key, Hash256? Value)
{
    public static StateChange Set(Hash256 key, Hash256 value) => new(key, value);

    public static StateChange Delete(Hash256 key) => new(key, null);
}
