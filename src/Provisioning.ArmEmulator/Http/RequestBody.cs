using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.ArmEmulator;

/// <summary>Reads a PUT body as a JSON object, so a bad body gets an ARM error rather than the framework's.</summary>
internal static class RequestBody
{
    /// <summary>Parses the body; on failure returns the ARM error to answer instead.</summary>
    public static async Task<(JsonDocument? Document, JsonHttpResult<ArmErrorResponse>? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length == 0)
            {
                return (null, ArmErrors.InvalidRequestContent("the request body is empty."));
            }

            buffer.Position = 0;
            document = await JsonDocument.ParseAsync(buffer, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, ArmErrors.InvalidRequestContent(e.Message));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, ArmErrors.InvalidRequestContent("the request body must be a JSON object."));
        }

        return (document, null);
    }

    /// <summary>Returns the string property of an object, or null when absent or not a string.</summary>
    public static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Returns the object property of an object, or null when absent or not an object.</summary>
    public static JsonElement? ObjectProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;
}
