using Azure.Core;

namespace Provisioning.Azure.Tests.Fakes;

/// <summary>A credential that hands out one fixed token, valid for an hour.</summary>
public sealed class StaticTokenCredential(string token) : TokenCredential
{
    public string Token { get; } = token;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
