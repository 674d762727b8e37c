using System.Net;
using System.Text;

namespace Provisioning.Azure.Tests.Fakes;

/// <summary>
/// The edge faked for parsing tests: an <see cref="HttpMessageHandler"/> under Azure.Core's real
/// <c>HttpClientTransport</c> that answers each request from a function and records what was sent.
/// </summary>
public sealed class CannedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpMethod Method, Uri Uri, string? Authorization, string? Body)> Requests { get; } = [];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string? requestId = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (requestId is not null)
        {
            response.Headers.Add("x-ms-request-id", requestId);
        }

        return response;
    }

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        }

        return answer(request);
    }
}
