using Azure.Core;
using Provisioning.Diagnostics;

namespace Provisioning.Azure;

/// <summary>
/// A credential of a named kind (<c>--credential</c>) whose failure to get a token is reported once, clearly: a
/// <see cref="DiagnosticException"/> (PRV125, environment origin) naming the kind, the scope and each credential's reason
/// (for <c>default</c>, every credential of the chain), never a token.
/// </summary>
internal sealed class KindCredential(string kind, TokenCredential inner) : TokenCredential
{
    /// <summary>The kind as the user named it, lower-case (e.g. <c>default</c>, <c>azure-cli</c>).</summary>
    public string Kind { get; } = kind;

    /// <summary>The credential that gets the tokens.</summary>
    public TokenCredential Inner { get; } = inner;

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            return Inner.GetToken(requestContext, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failure(requestContext, e);
        }
    }

    /// <inheritdoc />
    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        try
        {
            return await Inner.GetTokenAsync(requestContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failure(requestContext, e);
        }
    }

    /// <summary>The name shown for the kind: <c>default</c>, <c>azure-cli</c>, ….</summary>
    public override string ToString() => Kind;

    private static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
        e is not DiagnosticException and not OutOfMemoryException
        && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private DiagnosticException Failure(TokenRequestContext context, Exception e) =>
        new(DiagnosticCatalog.TokenUnavailable(Kind, string.Join(' ', context.Scopes), CredentialFailures.Reasons(e)), e);
}
