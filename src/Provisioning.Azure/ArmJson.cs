using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using Provisioning.Model;

namespace Provisioning.Azure;

/// <summary>The wire format: ARM resource bodies, list pages and error bodies, read and written with System.Text.Json.</summary>
internal static class ArmJson
{
    private const int MaxQuotedBodyLength = 300;
    private const int MaxDecodedBodyLength = 4096;

    /// <summary>Writes <c>{"properties":{...}}</c>.</summary>
    public static byte[] WriteBody(ImmutableSortedDictionary<string, string> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("properties");
            foreach (var (name, value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads one resource: its <c>id</c> (or <paramref name="fallbackId"/> when the body has none), its <c>type</c>
    /// (or the id's type) and the string values of <c>properties</c>; throws <see cref="FormatException"/> otherwise.
    /// </summary>
    public static ObservedResource ReadResource(JsonElement element, ArmResourceId? fallbackId = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"a resource must be a JSON object, not {element.ValueKind}");
        }

        var idText = StringOf(element, "id");
        var id = !string.IsNullOrEmpty(idText) ? ArmResourceId.Parse(idText)
            : fallbackId ?? throw new FormatException("a resource has no 'id'");
        var type = StringOf(element, "type");
        var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("properties", out var bag) && bag.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in bag.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    properties[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return new ObservedResource(id, string.IsNullOrEmpty(type) ? id.ResourceType : type, properties.ToImmutable());
    }

    /// <summary>
    /// Reads ARM's <c>{"error":{"code","message"}}</c> (the message cut to one line of 300 characters), or quotes the start of
    /// a body that is not ARM JSON (HTML, text, truncated JSON); the code falls back to the <c>x-ms-error-code</c> header.
    /// </summary>
    public static (string? Code, string? Message) ReadError(Response response)
    {
        var headerCode = response.Headers.TryGetValue("x-ms-error-code", out var fromHeader) ? fromHeader : null;
        var body = response.Content.ToMemory();
        if (body.IsEmpty)
        {
            return (headerCode, NullIfEmpty(response.ReasonPhrase));
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                // ARM wraps the error in "error"; a few services answer with the bare object.
                var error = root.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
                var code = StringOf(error, "code");
                var message = StringOf(error, "message");
                if (code is not null || message is not null)
                {
                    return (code ?? headerCode, message is null ? null : Quote(message));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): quote it below.
        }

        // Only the start of a body that is not ARM JSON is quoted: a proxy's 10 MB page must not be decoded whole.
        var start = body.Length <= MaxDecodedBodyLength ? body : body[..MaxDecodedBodyLength];
        var quoted = Quote(System.Text.Encoding.UTF8.GetString(start.Span));
        return (headerCode, quoted.Length > 0 ? quoted : NullIfEmpty(response.ReasonPhrase));
    }

    /// <summary>One line of at most 300 characters: what an error message quotes from a remote answer.</summary>
    public static string Quote(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length <= MaxQuotedBodyLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxQuotedBodyLength), "…");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
