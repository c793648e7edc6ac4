using BriOrleans.Crypto;
using BriOrleans.StateProofs;

namespace BriOrleans.Storage;

/// <summary>
/// Where a grain-state record sits in the state tree. A grain may keep several named states, so the key is
/// <see cref="StateTreeScheme.KeyOf"/> of <c>"{grainId}#{stateName}"</c> (e.g. <c>shipment/S-1#state</c>): state
/// names never contain '#', so the text splits at its last '#' into exactly one (grain id, state name).
/// </summary>
public static class GrainStateKey
{
    public static Hash256 Of(GrainId grainId, string stateName) => StateTreeScheme.KeyOf(TextOf(grainId, stateName));

    /// <summary>The text that is hashed into the key.</summary>
    public static string TextOf(GrainId grainId, string stateName)
    {
        CheckStateName(stateName);
        return $"{grainId}#{stateName}";
    }

    public static void CheckStateName(string stateName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (stateName.Contains('#', StringComparison.Ordinal))
            throw new ArgumentException($"state name '{stateName}' contains '#', which separates grain id and state name in the state tree key", nameof(stateName));
    }
}
