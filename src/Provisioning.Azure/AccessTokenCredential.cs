using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Provisioning.Diagnostics;

namespace Provisioning.Azure;

/// <summary>
/// The <c>access-token</c> kind: a bearer token obtained elsewhere (for any HTTPS endpoint, e.g. an Azure Stack Hub whose
/// identity Azure.Identity cannot reach), from <see cref="AzureCredentials.AccessTokenVariable"/> or from the file named by
/// <see cref="AzureCredentials.AccessTokenFileVariable"/>. The source is read again whenever a token is needed, so a file
/// rotated by another process is picked up. The token is sent as is, whatever scope is asked: it is never printed,
/// logged or put in a message.
/// </summary>
internal sealed class AccessTokenCredential : TokenCredential
{
    private const string Kind = AzureCredentials.AccessTokenKind;

    /// <summary>A token file larger than this is not a token (a JWT is a few kilobytes).</summary>
    private const int MaxFileBytes = 64 * 1024;

    /// <summary>How long a token that states no expiry is taken to last before it is read again.</summary>
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(10);

    private readonly Func<string> _read;
    private readonly string _source;
    private readonly TimeProvider _time;

    private AccessTokenCredential(Func<string> read, string source, TimeProvider time)
    {
        _read = read;
        _source = source;
        _time = time;
    }

    /// <summary>
    /// Creates the credential from the environment and reads its token once, so that a missing, unreadable, malformed or
    /// expired token is refused before anything is contacted (PRV121, PRV122).
    /// </summary>
    public static AccessTokenCredential FromEnvironment(Func<string, string?> environment, TimeProvider time)
    {
        var token = environment(AzureCredentials.AccessTokenVariable);
        var file = environment(AzureCredentials.AccessTokenFileVariable);
        AccessTokenCredential credential;
        if (!string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(file))
        {
            throw Invalid("$" + AzureCredentials.AccessTokenVariable,
                $"{AzureCredentials.AccessTokenFileVariable} is set too; set only one of them.");
        }
        else if (!string.IsNullOrEmpty(token))
        {
            credential = new(() => environment(AzureCredentials.AccessTokenVariable) ?? string.Empty, "$" + AzureCredentials.AccessTokenVariable, time);
        }
        else if (!string.IsNullOrEmpty(file))
        {
            credential = new(() => ReadFile(file), "$" + AzureCredentials.AccessTokenFileVariable, time);
        }
        else
        {
            throw new DiagnosticException(DiagnosticCatalog.CredentialVariablesMissing(Kind,
                [AzureCredentials.AccessTokenVariable], $" (or {AzureCredentials.AccessTokenFileVariable}, naming a file that holds the token)"));
        }

        credential.Current();
        return credential;
    }

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Current();

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Current());

    /// <summary>Names the source, never the token.</summary>
    public override string ToString() => $"{Kind} from {_source}";

    /// <summary>Reads and checks the token now.</summary>
    private AccessToken Current()
    {
        // Surrounding whitespace is how files and shells end a line, never part of a token.
        var token = _read().Trim();
        if (token.Length == 0)
        {
            throw Invalid(_source, "it holds no token.");
        }

        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(_source, "it starts with 'Bearer '; give the token alone.");
        }

        var bad = IndexOfInvalid(token);
        if (bad >= 0)
        {
            throw Invalid(_source, $"character {bad + 1} of the {token.Length}-character token is not allowed in a bearer token (letters, digits and - . _ ~ + / then = only).");
        }

        var now = _time.GetUtcNow();
        var expires = ExpiryOf(token);
        if (expires is { } at && at <= now)
        {
            throw Invalid(_source, $"the token expired at {at.ToString("u", CultureInfo.InvariantCulture)}; get a fresh one.");
        }

        return new AccessToken(token, expires ?? now + AssumedLifetime);
    }

    /// <summary>The <c>exp</c> of a JWT's payload, or null for a token that is not a JWT or states none.</summary>
    private static DateTimeOffset? ExpiryOf(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exp", out var exp)
                && exp.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253402300799
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The index of the first character RFC 6750's <c>b64token</c> does not allow, or -1.</summary>
    private static int IndexOfInvalid(string token)
    {
        var padding = false;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '=' && i > 0)
            {
                padding = true;
                continue;
            }

            if (padding || !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw Invalid("$" + AzureCredentials.AccessTokenFileVariable, $"the file '{path}' is {info.Length} bytes; a token file holds one token.");
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Invalid("$" + AzureCredentials.AccessTokenFileVariable, $"the file '{path}' cannot be read: {e.Message}");
        }
    }

    private static DiagnosticException Invalid(string setting, string problem) =>
        new(DiagnosticCatalog.CredentialSettingInvalid(Kind, setting, problem));
}
