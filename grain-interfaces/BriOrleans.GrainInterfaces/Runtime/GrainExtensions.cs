namespace BriOrleans.Runtime;

/// <summary>
/// Primary-key accessors for grains and grain references. Inside a grain write <c>this.GetPrimaryKeyString()</c>:
/// these are extension methods, as in Orleans, so the same line compiles against both hosts.
/// </summary>
public static class GrainExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        null => throw new ArgumentNullException(nameof(grain)),
        IGrainBase activation => activation.GrainContext.GrainId,
        IGrainReferenceIdentity reference => reference.GrainId,
        _ => throw new ArgumentException($"{grain.GetType().FullName} is neither a grain nor a grain reference", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static long GetPrimaryKeyLong(this IAddressable grain)
    {
        var id = grain.GetGrainId();
        return id.TryGetIntegerKey(out var key)
            ? key
            : throw new InvalidOperationException($"grain {id} does not have an integer key");
    }

    public static Guid GetPrimaryKey(this IAddressable grain)
    {
        var id = grain.GetGrainId();
        return id.TryGetGuidKey(out var key)
            ? key
            : throw new InvalidOperationException($"grain {id} does not have a Guid key");
    }
}
