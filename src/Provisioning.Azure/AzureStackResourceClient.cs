using System.Collections.Immutable;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Provisioning.Azure.Pacing;
using Provisioning.Azure.Policies;
using Provisioning.Config;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Azure;

/// <summary>
/// The ARM client: reads and writes resources over one Azure.Core <see cref="HttpPipeline"/> (bearer token,
/// retries honouring Retry-After, request ids, redacted logging). An ARM error answer becomes an <see cref="ArmRequestException"/>
/// (status, ARM code, ARM message, request id); a failure of the environment that every request would meet (no token, an
/// untrusted certificate, a host that cannot be reached, a 404 listing a registration that the endpoint does not serve)
/// becomes a <see cref="Diagnostics.DiagnosticException"/>; nothing else escapes but the caller's cancellation.
/// </summary>
public sealed partial class AzureStackResourceClient : IResourceProvider
{
    private readonly HttpPipeline _pipeline;
    private readonly string _endpointBase;
    private readonly string _defaultApiVersion;
    private readonly TimeProvider _time;
    private readonly string _tokenScope;
    private readonly string _credentialName;

    /// <summary>
    /// Creates the client; throws <see cref="ArgumentException"/> for an endpoint that is neither HTTPS nor plain HTTP to
    /// loopback (the emulator), or a trusted server certificate with an endpoint that is not loopback.
    /// </summary>
    public AzureStackResourceClient(TokenCredential credential, AzureStackClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint;
        if (!string.Equals(endpoint.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) && !Loopback.IsPlainHttp(endpoint))
        {
            throw new ArgumentException(
                $"The ARM endpoint '{SafeUri.WithPath(endpoint)}' must use HTTPS; plain HTTP is accepted only on loopback (the emulator).",
                nameof(options));
        }

        if (endpoint.UserInfo.Length > 0)
        {
            throw new ArgumentException("The ARM endpoint must not carry user information (a password in the URL); sign in with a credential.", nameof(options));
        }

        if ((options.TrustedServerCertificate is not null || options.TrustedServerCertificateThumbprint is not null) && !Loopback.Is(endpoint))
        {
            throw new ArgumentException(
                $"A trusted server certificate is accepted only for a loopback endpoint (the local emulator), not for '{SafeUri.WithPath(endpoint)}'.",
                nameof(options));
        }

        ArgumentException.ThrowIfNullOrEmpty(options.TokenScope, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.ApiVersion, nameof(options));

        Endpoint = endpoint;
        _endpointBase = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _defaultApiVersion = options.ApiVersion;
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Pacing, nameof(options));
        options.Pacing.Validate();
        _time = options.TimeProvider;
        _tokenScope = options.TokenScope;
        _credentialName = credential is KindCredential named ? named.Kind : credential.GetType().Name;
        _pipeline = BuildPipeline(credential, options);
    }

    /// <summary>The ARM endpoint every request goes to.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Creates a client for a cloud's ARM endpoint and token scope; <paramref name="configure"/> may adjust the options
    /// (retries, the emulator's certificate). Throws <see cref="ArgumentException"/> when the cloud has no endpoint yet.
    /// </summary>
    public static AzureStackResourceClient ForCloud(CloudSpec cloud, TokenCredential credential, Action<AzureStackClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.ArmEndpoint is null)
        {
            throw new ArgumentException(
                $"The cloud '{cloud.Name}' has no ARM endpoint; for the local emulator, pass the cloud with the endpoint it started on.",
                nameof(cloud));
        }

        var options = new AzureStackClientOptions(cloud.ArmEndpoint, cloud.TokenScope);
        configure?.Invoke(options);
        return new AzureStackResourceClient(credential, options);
    }

    /// <summary>PUTs <c>{"properties":{...}}</c>; 200 or 201 succeed, and an empty body (201 as the docs show it) returns the resource as sent.</summary>
    public async Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var path = id.ToString();
        using var message = CreateMessage(RequestMethod.Put, UriOf(path, apiVersion));
        message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        message.Request.Content = RequestContent.Create(ArmJson.WriteBody(properties));
        var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
        if (response.Status is not (200 or 201))
        {
            throw Failure(message, path);
        }

        return response.Content.ToMemory().IsEmpty
            ? new ObservedResource(id, id.ResourceType, properties)
            : ReadBody(message, path, body => ArmJson.ReadResource(body, id));
    }

    /// <summary>
    /// DELETEs the resource; 200, 204 and a 404 whose ARM code says it (or its parent) does not exist all succeed. A 404
    /// with any other code (a wrong endpoint, an unregistered provider) fails like every other error.
    /// </summary>
    public async Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default)
    {
        var path = id.ToString();
        using var message = CreateMessage(RequestMethod.Delete, UriOf(path, apiVersion));
        var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
        if (response.Status is 200 or 204)
        {
            return;
        }

        var failure = Failure(message, path);
        if (!failure.ResourceMissing)
        {
            throw failure;
        }
    }

    /// <summary>GETs the resource, or null on a 404 whose ARM code says it (or its parent) does not exist; any other 404 fails.</summary>
    public async Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default)
    {
        var path = id.ToString();
        using var message = CreateMessage(RequestMethod.Get, UriOf(path, apiVersion));
        var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            return ReadBody(message, path, body => ArmJson.ReadResource(body, id));
        }

        var failure = Failure(message, path);
        return failure.ResourceMissing ? null : throw failure;
    }

    // Per retry, in this order: wait for a pacing token (retries cost tokens too), authenticate, log the attempt.
    private static HttpPipeline BuildPipeline(TokenCredential credential, AzureStackClientOptions options)
    {
        var perRetry = new List<HttpPipelinePolicy>();
        if (options.Pacing.Enabled)
        {
            perRetry.Add(new PacingPolicy(new SubscriptionPacer(options.Pacing, options.TimeProvider)));
        }

        perRetry.Add(Loopback.IsPlainHttp(options.Endpoint)
            ? new LoopbackTokenPolicy(credential, options.TokenScope)
            : new BearerTokenAuthenticationPolicy(credential, options.TokenScope));
        if (options.HttpLog is { } log)
        {
            perRetry.Add(new HttpLogPolicy(log, options.TimeProvider));
        }

        // Azure.Core builds its retry policy from ClientOptions.RetryPolicy; ours waits on the options' clock. The
        // caller's options are left as they were, so the same options can build another client.
        var chosen = options.RetryPolicy;
        options.RetryPolicy = chosen ?? TimeProviderRetryPolicy.From(options.Retry, options.TimeProvider, options.MaxRetriesWithoutResponse, options.MaxRetryAfter);
        try
        {
            return HttpPipelineBuilder.Build(options, [], [.. perRetry], null);
        }
        finally
        {
            options.RetryPolicy = chosen;
        }
    }

    private Uri UriOf(string path, string apiVersion) =>
        new($"{_endpointBase}{path}?api-version={Uri.EscapeDataString(string.IsNullOrEmpty(apiVersion) ? _defaultApiVersion : apiVersion)}");

    private HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        return message;
    }

    private static T ReadBody<T>(HttpMessage message, string path, Func<JsonElement, T> read) =>
        ReadValid(message, path, () =>
        {
            using var document = JsonDocument.Parse(message.Response.Content.ToMemory());
            return read(document.RootElement);
        });

    /// <summary>Runs a reader of the response body, turning a body that is not what ARM sends into an <see cref="ArmRequestException"/>.</summary>
    private static T ReadValid<T>(HttpMessage message, string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ArmRequestException(message.Request.Method.Method, path, message.Response.Status, null,
                $"the response is not a valid ARM body: {e.Message}", RequestIdOf(message.Response), e);
        }
    }
}
