using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioning.ArmEmulator;

/// <summary>The calling principal, read from the bearer token without validating it; the token itself is never kept.</summary>
/// <param name="PrincipalId">The token's <c>oid</c> (else <c>sub</c>); for a token that is not a JWT, a SHA-256 prefix of it.</param>
/// <param name="DisplayName">The <c>upn</c> or <c>unique_name</c> when present, else the principal id (what <c>systemData</c> shows).</param>
/// <param name="PrincipalType"><c>User</c> when the token names a user, else <c>Application</c>.</param>
internal sealed record ArmCaller(string PrincipalId, string DisplayName, string PrincipalType)
{
    /// <summary>Returns the caller of a request (cached on the request); anonymous callers share one principal.</summary>
    public static ArmCaller Of(HttpContext context)
    {
        if (context.Features.Get<ArmCaller>() is { } caller)
        {
            return caller;
        }

        caller = FromAuthorization(context.Request.Headers.Authorization.ToString());
        context.Features.Set(caller);
        return caller;
    }

    /// <summary>Reads the principal from an <c>Authorization: Bearer …</c> value.</summary>
    public static ArmCaller FromAuthorization(string authorization)
    {
        const string Scheme = "Bearer ";
        var token = authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim()
            : authorization.Trim();
        return FromJwt(token) ?? FromHash(token);
    }

    private static ArmCaller? FromJwt(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            var id = RequestBody.StringProperty(root, "oid") ?? RequestBody.StringProperty(root, "sub");
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }

            var user = RequestBody.StringProperty(root, "upn") ?? RequestBody.StringProperty(root, "unique_name");
            var isUser = user is not null || string.Equals(RequestBody.StringProperty(root, "idtyp"), "user", StringComparison.OrdinalIgnoreCase);
            return new ArmCaller(id, user ?? id, isUser ? "User" : "Application");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static ArmCaller FromHash(string token)
    {
        // An opaque token still identifies its holder; a hash tells holders apart without keeping the secret.
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 16));
        return new ArmCaller(id, id, "Application");
    }
}
