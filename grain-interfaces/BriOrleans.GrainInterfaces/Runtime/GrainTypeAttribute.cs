namespace BriOrleans.Runtime;

/// <summary>
/// Pins the grain type name of a grain class (the first part of its <see cref="GrainId"/> and of its
/// storage keys). Without it the name is the class name without a "Grain" suffix, in lower case.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}
