using System.Text.RegularExpressions;
using Provisioning.Diagnostics;

namespace Provisioning.Config;

/// <summary>
/// The backend urls of <c>Pulumi.yaml</c>: <c>file://&lt;folder&gt;</c> (absolute, <c>~/…</c>, or relative to the project
/// folder) and <c>azblob://&lt;container&gt;[/prefix][?account=NAME]</c> (Azure Storage's container and account name rules).
/// Credentials were refused before (<see cref="NodeChecks.IsStrict"/>).
/// </summary>
internal static partial class BackendUrls
{
    /// <summary>The scheme of a local folder.</summary>
    public const string FileScheme = "file://";

    /// <summary>The scheme of an Azure Blob container.</summary>
    public const string BlobScheme = "azblob://";

    /// <summary>Why <paramref name="url"/> is not a backend url we can honour, or null; <paramref name="folder"/> is the state folder of a <c>file://</c> url.</summary>
    public static string? Check(string url, out string? folder)
    {
        folder = null;
        if (url.StartsWith(FileScheme, StringComparison.OrdinalIgnoreCase))
        {
            return CheckFile(url[FileScheme.Length..], out folder);
        }

        if (url.StartsWith(BlobScheme, StringComparison.OrdinalIgnoreCase))
        {
            return CheckBlob(url[BlobScheme.Length..]);
        }

        return "only 'file://' and 'azblob://' backends are supported.";
    }

    private static string? CheckFile(string path, out string? folder)
    {
        folder = null;
        if (path.Length == 0)
        {
            return "it names no folder.";
        }

        if (path.IndexOfAny(['?', '#']) >= 0)
        {
            return "a file:// url takes no query or fragment.";
        }

        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : string.Empty);
            return null;
        }

        if (path.StartsWith('~'))
        {
            return "only '~/' (your home folder) is understood, not '~user'.";
        }

        folder = path;
        return null;
    }

    private static string? CheckBlob(string rest)
    {
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var location = queryAt < 0 ? rest : rest[..queryAt];
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? location : location[..slash];
        var prefix = slash < 0 ? string.Empty : location[(slash + 1)..];
        if (!ContainerPattern().IsMatch(container) || container.Contains("--", StringComparison.Ordinal))
        {
            return $"the container name '{DiagnosticCatalog.Excerpt(container)}' must be 3 to 63 characters of lower-case letters, digits and single hyphens, starting and ending with a letter or digit.";
        }

        if (prefix.Contains('#', StringComparison.Ordinal) || prefix.Contains("//", StringComparison.Ordinal) || prefix.Split('/').Any(p => p is "." or ".."))
        {
            return "the blob prefix must be names separated by single '/', without '.', '..' or '#'.";
        }

        if (queryAt < 0)
        {
            return null;
        }

        foreach (var pair in rest[(queryAt + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            if (key != "account")
            {
                return $"the only query parameter is 'account', not '{DiagnosticCatalog.Excerpt(key)}'.";
            }

            if (!AccountPattern().IsMatch(value))
            {
                return $"the storage account name '{DiagnosticCatalog.Excerpt(value)}' must be 3 to 24 lower-case letters and digits.";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\z")]
    private static partial Regex ContainerPattern();

    [GeneratedRegex(@"^[a-z0-9]{3,24}\z")]
    private static partial Regex AccountPattern();
}
