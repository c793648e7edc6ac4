using System.Text.Json;

namespace BriOrleans.GrainHost;

/// <summary>Grain state as UTF-8 JSON (System.Text.Json), the default serializer of every provider.</summary>
public sealed class JsonGrainStorageSerializer(JsonSerializerOptions? options = null) : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options = options ?? JsonSerializerOptions.Default;

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, _options);

    public T? Deserialize<T>(ReadOnlySpan<byte> data) => JsonSerializer.Deserialize<T>(data, _options);
}
