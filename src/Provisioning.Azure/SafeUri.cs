namespace Provisioning.Azure;

/// <summary>How a URL is shown in messages and logs: never with its user information (a password), query or fragment.</summary>
internal static class SafeUri
{
    /// <summary><c>scheme://host[:port]</c>.</summary>
    public static string Server(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : "(not an absolute URL)";

    /// <summary><c>scheme://host[:port]/path</c>.</summary>
    public static string WithPath(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(not an absolute URL)";
}
