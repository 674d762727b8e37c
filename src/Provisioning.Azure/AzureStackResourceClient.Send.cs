using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Identity;
using Provisioning.Diagnostics;
using Provisioning.Execution;

namespace Provisioning.Azure;

/// <summary>
/// Sending one request and turning every way it can fail into one of three exceptions, and no other: an
/// <see cref="ArmRequestException"/> (ARM answered an error, or one request got no answer), a <see cref="DiagnosticException"/>
/// (the environment is wrong for every request: no token, an untrusted certificate, a host that cannot be reached), or
/// <see cref="OperationCanceledException"/> when the caller's token was cancelled.
/// </summary>
public sealed partial class AzureStackResourceClient
{
    private const string RequestIdHeader = "x-ms-request-id";

    private async Task<Response> SendAsync(HttpMessage message, string path, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is DiagnosticException or ResourceProviderException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw NoAnswer(message, path, e, _time.GetElapsedTime(start));
        }
    }

    /// <summary>What a request that got no answer becomes, by the kind of failure (see <see cref="TransportFailure"/>).</summary>
    private Exception NoAnswer(HttpMessage message, string path, Exception failure, TimeSpan elapsed)
    {
        var server = SafeUri.Server(message.Request.Uri.ToUri());
        if (failure is AuthenticationFailedException or CredentialUnavailableException)
        {
            // A credential not made by AzureCredentials (which reports its own failures): still no raw exception.
            return new DiagnosticException(DiagnosticCatalog.TokenUnavailable(_credentialName, _tokenScope, CredentialFailures.Reasons(failure)), failure);
        }

        var attempts = message.ProcessingContext.RetryNumber + 1;
        var reason = TransportFailure.Describe(failure);
        return TransportFailure.Classify(failure) switch
        {
            TransportFailureKind.Tls => new DiagnosticException(
                DiagnosticCatalog.CertificateNotTrusted(server, reason, AzureConnection.TrustThumbprintVariable), failure),
            TransportFailureKind.Unreachable => new DiagnosticException(
                DiagnosticCatalog.EndpointUnreachable(server, reason, attempts, elapsed), failure),
            _ when !TransportFailure.IsTransport(failure) => new ArmRequestException(message.Request.Method.Method, path, 0, null,
                $"unexpected failure sending to {server} ({failure.GetType().Name}): {reason}", null, failure),
            _ => new ArmRequestException(message.Request.Method.Method, path, 0, null,
                string.Create(CultureInfo.InvariantCulture, $"{server} gave no answer after {attempts} attempt{(attempts == 1 ? string.Empty : "s")} in {elapsed.TotalSeconds:0.#} s: {reason}"),
                null, failure),
        };
    }

    /// <summary>The ARM error answered to <paramref name="message"/>: status, ARM code, ARM message and request id.</summary>
    private static ArmRequestException Failure(HttpMessage message, string path)
    {
        var response = message.Response;
        var (code, text) = ArmJson.ReadError(response);
        if (response.Headers.TryGetValue("Retry-After", out var retryAfter) && response.Status is 429 or 503)
        {
            text = $"{text} (Retry-After: {ArmJson.Quote(retryAfter)})".TrimStart();
        }

        return new ArmRequestException(message.Request.Method.Method, path, response.Status, code, text, RequestIdOf(response))
        {
            ResourceMissing = ArmNotFound.MeansMissing(response.Status, code),
        };
    }

    private static string? RequestIdOf(Response response) =>
        response.Headers.TryGetValue(RequestIdHeader, out var id) ? id : null;
}
