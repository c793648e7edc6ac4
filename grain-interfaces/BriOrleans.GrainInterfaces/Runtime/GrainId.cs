using System.Globalization;

namespace BriOrleans.Runtime;

/// <summary>
/// The identity of a grain: its grain type (e.g. "shipment") and its key as text. Integer keys are
/// written in invariant decimal and Guid keys in the 32-digit "N" form, so the text is stable and
/// can serve as a storage key. A grain type is addressed by one key kind only, so the text is unique.
/// </summary>
public readonly record struct GrainId
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    public string Type { get; }

    public string Key { get; }

    public static GrainId Create(string type, string key) => new(type, key);

    public static GrainId Create(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    public static GrainId Create(string type, Guid key) => new(type, key.ToString("N", CultureInfo.InvariantCulture));

    public bool TryGetIntegerKey(out long key) =>
        long.TryParse(Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key);

    public bool TryGetGuidKey(out Guid key) => Guid.TryParseExact(Key, "N", out key);

    public override string ToString() => $"{Type}/{Key}";
}
