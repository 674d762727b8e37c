using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Provisioning.Azure.Pacing;

namespace Provisioning.Azure;

/// <summary>
/// Options of <see cref="AzureStackResourceClient"/>: the ARM endpoint, the token scope, the api-version, retries
/// (<see cref="ClientOptions.Retry"/>: 10 retries, back-off up to 60 s, Retry-After honoured; at most
/// <see cref="MaxRetriesWithoutResponse"/> of them after a try that got no answer; a TLS failure never retried), pacing,
/// the clock of every wait, the <c>--verbose</c> HTTP log and, for the embedded emulator only, the one self-signed
/// certificate to trust.
/// </summary>
public sealed class AzureStackClientOptions : ClientOptions
{
    /// <summary>The api-version used when a caller passes none: <c>2017-06-01</c>.</summary>
    public const string DefaultApiVersion = "2017-06-01";

    private X509Certificate2? _trustedServerCertificate;
    private string? _trustedServerCertificateThumbprint;

    /// <summary>
    /// Creates options for <paramref name="endpoint"/> with the token scope <paramref name="tokenScope"/> exactly as given, or
    /// <c>{endpoint}/.default</c> (the endpoint without its final slash, then <c>/.default</c>) when it is null or empty. A loopback endpoint (the emulator) gets a
    /// network timeout of <see cref="LoopbackNetworkTimeout"/>; any other keeps Azure.Core's 100 s.
    /// </summary>
    public AzureStackClientOptions(Uri endpoint, string? tokenScope = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The ARM endpoint '{endpoint}' must be an absolute URI.", nameof(endpoint));
        }

        Endpoint = endpoint;
        // The same rule as the stack file's (docs/azure.md): the endpoint without its final slash, then /.default.
        TokenScope = string.IsNullOrEmpty(tokenScope) ? SafeUri.WithPath(endpoint).TrimEnd('/') + "/.default" : tokenScope;

        // ARM's correlation id and remaining-quota headers help explain throttling; Azure.Core redacts them otherwise.
        Diagnostics.LoggedHeaderNames.Add("x-ms-correlation-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-ratelimit-remaining-subscription-reads");
        Diagnostics.LoggedHeaderNames.Add("x-ms-ratelimit-remaining-subscription-writes");
        Diagnostics.LoggedHeaderNames.Add("x-ms-ratelimit-remaining-subscription-deletes");
        Diagnostics.IsLoggingContentEnabled = false;

        // ARM throttles in buckets refilled over tens of seconds: a run must outlast a 429 storm, not give up after 3 tries.
        Retry.MaxRetries = DefaultMaxRetries;
        Retry.MaxDelay = TimeSpan.FromSeconds(60);

        // A server on this machine answers in milliseconds or not at all: waiting 100 s per try for it only hides the failure.
        if (Loopback.Is(endpoint))
        {
            Retry.NetworkTimeout = LoopbackNetworkTimeout;
        }
    }

    /// <summary>The default number of retries after the first attempt: 10.</summary>
    public const int DefaultMaxRetries = 10;

    /// <summary>The default of <see cref="MaxRetriesWithoutResponse"/>: 3 (four tries, about 6 s of back-off).</summary>
    public const int DefaultMaxRetriesWithoutResponse = 3;

    /// <summary>The network timeout of one try to a loopback endpoint (the emulator): 30 s.</summary>
    public static readonly TimeSpan LoopbackNetworkTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many of the <see cref="RetryOptions.MaxRetries"/> may follow a try that got no HTTP answer at all (name not
    /// resolved, connection refused or reset, answer lost, timeout); default <see cref="DefaultMaxRetriesWithoutResponse"/>.
    /// The long budget is for ARM's 429 and 5xx answers; a host that does not answer is reported within seconds (plus
    /// <see cref="RetryOptions.NetworkTimeout"/> per try when it hangs). A TLS handshake failure is never retried.
    /// </summary>
    public int MaxRetriesWithoutResponse { get; set; } = DefaultMaxRetriesWithoutResponse;

    /// <summary>
    /// The longest single wait before a retry (default 5 minutes). ARM's <c>Retry-After</c> is a few seconds; an answer that
    /// asks for longer is reported at once, with its <c>Retry-After</c>, rather than waited for.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The clock of retry back-off and pacing waits (default <see cref="TimeProvider.System"/>); read when the client is created.
    /// A fake clock makes tests of Retry-After and pacing run without real sleeping.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The client-side token buckets per registration subscription and kind (on by default, with ARM's sizes).</summary>
    public PacingOptions Pacing { get; set; } = new();

    /// <summary>
    /// Receives one line per HTTP attempt (method, URL without secrets in the query, status, <c>x-ms-request-id</c>,
    /// milliseconds) when set, e.g. for <c>--verbose</c>; null (the default) logs nothing. Never receives headers or bodies.
    /// </summary>
    public Action<string>? HttpLog { get; set; }

    /// <summary>The ARM endpoint, e.g. <c>https://management.azure.com/</c>; always HTTPS.</summary>
    public Uri Endpoint { get; }

    /// <summary>The scope of the bearer token, e.g. <c>https://management.azure.com/.default</c>; sent to the credential exactly as set.</summary>
    public string TokenScope { get; set; }

    /// <summary>The api-version used when a caller passes an empty one; defaults to <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// The self-signed certificate of a loopback server (the embedded emulator) to accept by thumbprint; null (the
    /// default) trusts only the system's certificate store. Setting it replaces <see cref="ClientOptions.Transport"/>
    /// with one that accepts exactly this certificate, and only from a loopback host.
    /// </summary>
    public X509Certificate2? TrustedServerCertificate
    {
        get => _trustedServerCertificate;
        set
        {
            _trustedServerCertificate = value;
            if (value is not null)
            {
                Transport = LoopbackTransport.Trusting(value);
            }
        }
    }

    /// <summary>
    /// The SHA-1 (40 hex digits, as the standalone emulator prints it) or SHA-256 (64) thumbprint of a loopback
    /// server's self-signed certificate to accept; null (the default) trusts only the system's certificate store.
    /// Like <see cref="TrustedServerCertificate"/>, setting it replaces <see cref="ClientOptions.Transport"/> with one that
    /// accepts exactly that certificate, and only from a loopback host. Throws <see cref="ArgumentException"/> for a
    /// value that is not such a hex string.
    /// </summary>
    public string? TrustedServerCertificateThumbprint
    {
        get => _trustedServerCertificateThumbprint;
        set
        {
            if (value is not null)
            {
                Transport = LoopbackTransport.Trusting(value);
            }

            _trustedServerCertificateThumbprint = value;
        }
    }
}
