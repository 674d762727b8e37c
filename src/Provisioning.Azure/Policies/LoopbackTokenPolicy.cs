using Azure.Core;
using Azure.Core.Pipeline;

namespace Provisioning.Azure.Policies;

/// <summary>
/// Sends the credential's bearer token to a plain-HTTP loopback endpoint (the emulator), where Azure.Core's bearer policy
/// refuses to work without TLS. Refuses any request that is not plain HTTP to loopback, so a token never leaves the
/// machine unencrypted.
/// </summary>
internal sealed class LoopbackTokenPolicy(TokenCredential credential, string scope) : HttpPipelinePolicy
{
    private readonly TokenRequestContext _context = new([scope]);

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Refuse(message);
        var token = await credential.GetTokenAsync(_context, message.CancellationToken).ConfigureAwait(false);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "Bearer " + token.Token);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Refuse(message);
        var token = credential.GetToken(_context, message.CancellationToken);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "Bearer " + token.Token);
        ProcessNext(message, pipeline);
    }

    private static void Refuse(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        if (!Loopback.IsPlainHttp(uri))
        {
            throw new InvalidOperationException($"A token is sent over plain HTTP only to loopback, not to {SafeUri.Server(uri)}.");
        }
    }
}
