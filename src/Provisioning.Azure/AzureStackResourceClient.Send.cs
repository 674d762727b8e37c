using Azure;
using Azure.Core;
using Azure.Identity;

namespace Provisioning.Azure;

/// <summary>Sending one request and turning every way it can fail into an <see cref="ArmRequestException"/>.</summary>
public sealed partial class AzureStackResourceClient
{
    private const string RequestIdHeader = "x-ms-request-id";

    private async Task<Response> SendAsync(HttpMessage message, string path, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException
                                      or AuthenticationFailedException or OperationCanceledException)
        {
            // No answer: connection refused, TLS refused, timeouts after every retry, or no token to send.
            var what = e is AuthenticationFailedException ? "could not get a token" : $"could not reach {message.Request.Uri.ToUri().GetLeftPart(UriPartial.Authority)}";
            throw new ArmRequestException(message.Request.Method.Method, path, 0, null, $"{what}: {Innermost(e).Message}", null, e);
        }
    }

    private static ArmRequestException Failure(HttpMessage message, string path)
    {
        var response = message.Response;
        var (code, text) = ArmJson.ReadError(response);
        return new ArmRequestException(message.Request.Method.Method, path, response.Status, code, text, RequestIdOf(response));
    }

    private static string? RequestIdOf(Response response) =>
        response.Headers.TryGetValue(RequestIdHeader, out var id) ? id : null;

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
