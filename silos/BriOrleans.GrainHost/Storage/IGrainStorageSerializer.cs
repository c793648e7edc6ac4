namespace BriOrleans.GrainHost;

/// <summary>Turns grain state into bytes for a storage provider and back.</summary>
public interface IGrainStorageSerializer
{
    byte[] Serialize<T>(T value);

    /// <summary>Returns null when the bytes encode null.</summary>
    T? Deserialize<T>(ReadOnlySpan<byte> data);
}
