using System.Buffers;
using System.Globalization;
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

    /// <summary>
    /// The JSON value of <paramref name="node"/>, as a standalone element: what typed data is hashed and read from.
    /// Strings keep exactly what they hold: an unpaired surrogate, which a writer would silently replace, is written
    /// as its escape, so that reading it fails where the value is checked, naming its path.
    /// </summary>
    internal static JsonElement ToElement(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, node);
        // As deep as Utf8JsonWriter writes by default (a tree built in code may nest deeper than JSON text is read).
        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 1000 });
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject fields:
                writer.WriteStartObject();
                foreach (var (name, value) in fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray items:
                writer.WriteStartArray();
                foreach (var item in items)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue(out JsonElement parsed):
                // Read from JSON text: its exact text, escapes included.
                writer.WriteRawValue(parsed.GetRawText(), skipInputValidation: true);
                break;
            case JsonValue value when value.TryGetValue(out string? text) && !IsValidUtf16(text):
                writer.WriteRawValue(EscapedLiteral(text), skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    // A JSON string literal of text, every surrogate, quote, backslash and control character as a \u escape.
    private static string EscapedLiteral(string text)
    {
        var literal = new StringBuilder(text.Length + 16).Append('"');
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || c is '"' or '\\' || c < ' ')
                literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                literal.Append(c);
        }
        return literal.Append('"').ToString();
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
