using System.Net;

namespace Provisioning.Azure;

/// <summary>
/// What counts as loopback for plain HTTP and a trusted emulator certificate: <c>localhost</c>, 127.0.0.0/8 and ::1. One
/// definition for the client's endpoint check, the loopback token policy and the transport's certificate check (which sees
/// a host name, not a URI).
/// </summary>
internal static class Loopback
{
    /// <summary>True when <paramref name="uri"/>'s host is loopback (see <see cref="IsHost"/>).</summary>
    public static bool Is(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && IsHost(uri.Host);
    }

    /// <summary>True for a plain-HTTP URI whose host is loopback: the only place a token may go without TLS.</summary>
    public static bool IsPlainHttp(Uri uri) =>
        Is(uri) && string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the host <c>localhost</c> (any case) or a loopback IP address (127.0.0.0/8, ::1, with or without brackets).</summary>
    public static bool IsHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.AsSpan().Trim("[]"), out var address) && IPAddress.IsLoopback(address));
    }
}
