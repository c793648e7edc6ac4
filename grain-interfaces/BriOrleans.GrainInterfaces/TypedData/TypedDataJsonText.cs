using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BriOrleans.TypedData;

/// <summary>
/// Reads typed data JSON text strictly: no duplicate keys (JavaScript keeps the last, so a wallet could show
/// one value and sign another) and no unpaired surrogates, which have no UTF-8 form and which System.Text.Json
/// would otherwise replace or fail on later.
/// </summary>
internal static class TypedDataJsonText
{
    private static readonly JsonDocumentOptions s_options = new() { AllowDuplicateProperties = false };

    internal static JsonNode Parse(string json)
    {
        var utf8 = new byte[Encoding.UTF8.GetMaxByteCount(json.Length)];
        if (System.Text.Unicode.Utf8.FromUtf16(json, utf8, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
            throw new TypedDataException("", "typed data is not valid JSON: the text contains an unpaired UTF-16 surrogate");
        var bytes = utf8.AsMemory(0, length);
        try
        {
            CheckPropertyNames(bytes.Span);
            return JsonNode.Parse(bytes.Span, documentOptions: s_options)
                ?? throw new TypedDataException("", "typed data is a JSON object, got null");
        }
        catch (JsonException e)
        {
            throw new TypedDataException("", $"typed data is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Values are checked where they are read, with their path; names are checked here, where they are first met.</summary>
    private static void CheckPropertyNames(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueIsEscaped)
                continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException e)
            {
                throw new TypedDataException("", $"typed data is not valid JSON: the key at byte {reader.TokenStartIndex} escapes an unpaired UTF-16 surrogate", e);
            }
        }
    }
}
