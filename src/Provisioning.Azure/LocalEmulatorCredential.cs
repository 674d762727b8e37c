using Azure.Core;

namespace Provisioning.Azure;

/// <summary>
/// The credential for the embedded emulator only: a fixed, non-secret token (<see cref="Token"/>) valid for an hour,
/// so that the real bearer-token policy runs end to end without any identity.
/// </summary>
public sealed class LocalEmulatorCredential(TimeProvider? timeProvider = null) : TokenCredential
{
    /// <summary>The token string sent as <c>Authorization: Bearer local-emulator</c>.</summary>
    public const string Token = "local-emulator";

    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Returns <see cref="Token"/>, expiring an hour from now.</summary>
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, _timeProvider.GetUtcNow().AddHours(1));

    /// <summary>Returns <see cref="Token"/>, expiring an hour from now.</summary>
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
