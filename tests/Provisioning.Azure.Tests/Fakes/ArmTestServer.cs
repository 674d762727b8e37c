using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Provisioning.Azure.Tests.Fakes;

/// <summary>
/// A throwaway ARM look-alike on https://127.0.0.1:{port} (Kestrel, self-signed certificate) serving
/// customerSubscriptions: PUT 200 with body (201 empty for names starting <c>doc-</c>), GET, DELETE 200/204,
/// a list in pages of two with absolute nextLinks, 401 without the expected bearer token and
/// 404 ParentResourceNotFound under the registration <c>missing</c>.
/// </summary>
public sealed class ArmTestServer : IAsyncDisposable
{
    public const string Collection = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.AzureStack/registrations/{reg}/customerSubscriptions";
    public const string CorrelationId = "corr-7d1f";
    private const int PageSize = 2;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Id, string TenantId)> _resources = new(StringComparer.OrdinalIgnoreCase);
    private int _requestCount;

    private ArmTestServer(WebApplication app, string expectedToken)
    {
        _app = app;
        ExpectedToken = expectedToken;
    }

    public string ExpectedToken { get; }

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization)> Requests { get; } = new();

    public static async Task<ArmTestServer> StartAsync(X509Certificate2 certificate, string expectedToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var server = new ArmTestServer(builder.Build(), expectedToken);
        server.Map();
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address + "/");
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            var requestId = $"req-{Interlocked.Increment(ref _requestCount)}";
            var authorization = context.Request.Headers.Authorization.ToString();
            Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, authorization));
            context.Response.Headers["x-ms-request-id"] = requestId;
            context.Response.Headers["x-ms-correlation-request-id"] = CorrelationId;
            if (string.IsNullOrEmpty(authorization))
            {
                await Error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.").ExecuteAsync(context);
            }
            else if (authorization != $"Bearer {ExpectedToken}")
            {
                await Error(401, "InvalidAuthenticationToken", "The access token is invalid.").ExecuteAsync(context);
            }
            else if (context.Request.Query["api-version"] != "2017-06-01")
            {
                await Error(400, "NoRegisteredProviderFound", "No registered resource provider found for that API version.").ExecuteAsync(context);
            }
            else if (context.Request.Path.Value!.Contains("/registrations/missing/", StringComparison.Ordinal))
            {
                await Error(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. Parent resource 'missing' not found.").ExecuteAsync(context);
            }
            else
            {
                await next(context);
            }
        });

        var collection = _app.MapGroup(Collection);
        collection.MapGet("", List);
        collection.MapGet("/{name}", (HttpContext context, string name) =>
            _resources.TryGetValue(context.Request.Path.Value!, out var stored)
                ? Body(200, stored.Id, stored.TenantId)
                : Error(404, "ResourceNotFound", $"The Resource 'Microsoft.AzureStack/registrations/customerSubscriptions/{name}' was not found."));
        collection.MapPut("/{name}", async (HttpContext context, string name) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var tenantId = body?["properties"]?["tenantId"]?.GetValue<string>() ?? string.Empty;
            var id = context.Request.Path.Value!;
            _resources[id] = (id, tenantId);
            return name.StartsWith("doc-", StringComparison.Ordinal) ? Results.StatusCode(201) : Body(200, id, tenantId);
        });
        collection.MapDelete("/{name}", (HttpContext context) =>
            Results.StatusCode(_resources.TryRemove(context.Request.Path.Value!, out _) ? 200 : 204));
    }

    private IResult List(HttpContext context)
    {
        var prefix = context.Request.Path.Value! + "/";
        var all = _resources.Values.Where(r => r.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var skip = int.TryParse(context.Request.Query["$skipToken"], out var s) ? s : 0;
        var page = new JsonObject { ["value"] = new JsonArray([.. all.Skip(skip).Take(PageSize).Select(r => Resource(r.Id, r.TenantId))]) };
        if (skip + PageSize < all.Count)
        {
            page["nextLink"] = $"{Endpoint.GetLeftPart(UriPartial.Authority)}{context.Request.Path}?api-version=2017-06-01&$skipToken={skip + PageSize}";
        }

        return Results.Text(page.ToJsonString(), "application/json", statusCode: 200);
    }

    private static IResult Body(int status, string id, string tenantId) =>
        Results.Text(Resource(id, tenantId).ToJsonString(), "application/json", statusCode: status);

    private static JsonObject Resource(string id, string tenantId) => new()
    {
        ["id"] = id,
        ["name"] = id[(id.LastIndexOf("/registrations/", StringComparison.Ordinal) + "/registrations/".Length)..].Replace("/customerSubscriptions", string.Empty, StringComparison.Ordinal),
        ["type"] = "Microsoft.AzureStack/registrations/customerSubscriptions",
        ["properties"] = new JsonObject { ["tenantId"] = tenantId },
    };

    private static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), "application/json", statusCode: status);
}
