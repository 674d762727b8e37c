using System.Text.Json;

namespace Provisioning.ArmEmulator;

/// <summary>A page of customer subscriptions written straight to the response body with a <see cref="Utf8JsonWriter"/>, the same JSON as <see cref="CustomerSubscriptionResource"/>.</summary>
/// <param name="items">The mappings of the page.</param>
/// <param name="nextLink">The absolute URL of the next page, or null on the last page.</param>
/// <param name="withSystemData">Whether items carry <c>systemData</c> (api-version 2020-06-01-preview).</param>
internal sealed class CustomerSubscriptionPageResult(IReadOnlyList<EmulatorMapping> items, string? nextLink, bool withSystemData) : IResult
{
    // Hand the bytes to the transport every so often, so a large page is not held whole in memory.
    private const int FlushEvery = 256;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = EmulatorJson.Options.Encoder, SkipValidation = true };

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("value");
        for (var i = 0; i < items.Count; i++)
        {
            WriteItem(writer, items[i]);
            if ((i + 1) % FlushEvery == 0)
            {
                await writer.FlushAsync(httpContext.RequestAborted);
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }

        writer.WriteEndArray();
        if (nextLink is not null)
        {
            writer.WriteString("nextLink", nextLink);
        }

        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private void WriteItem(Utf8JsonWriter writer, EmulatorMapping m)
    {
        writer.WriteStartObject();
        writer.WriteString("id", m.Id);
        writer.WriteString("name", CustomerSubscriptionResource.NameOf(m));
        writer.WriteString("type", CustomerSubscriptionResource.ResourceType);
        if (m.Etag is not null)
        {
            writer.WriteString("etag", m.Etag);
        }

        writer.WriteStartObject("properties");
        writer.WriteString("tenantId", m.TenantId);
        writer.WriteEndObject();
        if (withSystemData && m.SystemData is { } d)
        {
            writer.WriteStartObject("systemData");
            writer.WriteString("createdBy", d.CreatedBy);
            writer.WriteString("createdByType", d.CreatedByType);
            writer.WriteString("createdAt", SystemDataResource.Format(d.CreatedAt));
            writer.WriteString("lastModifiedBy", d.LastModifiedBy);
            writer.WriteString("lastModifiedByType", d.LastModifiedByType);
            writer.WriteString("lastModifiedAt", SystemDataResource.Format(d.LastModifiedAt));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
