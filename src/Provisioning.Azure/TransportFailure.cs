using System.Net.Sockets;
using System.Security.Authentication;

namespace Provisioning.Azure;

/// <summary>What kind of "no answer" a failed request met: the one classification the retry policy, the ARM client and the blob store share.</summary>
internal enum TransportFailureKind
{
    /// <summary>No answer for another reason (connection reset, answer cut off, timeout): worth the bounded retries.</summary>
    NoAnswer,

    /// <summary>The TLS handshake failed (certificate not trusted, name mismatch): permanent, never retried.</summary>
    Tls,

    /// <summary>The host's name does not resolve, or it refuses connections: retried a few times, then reported as such.</summary>
    Unreachable,
}

/// <summary>Classifies and describes a failure to get any HTTP answer, looking through Azure.Core's and HttpClient's wrappers.</summary>
internal static class TransportFailure
{
    /// <summary>The kind of <paramref name="failure"/> (the last of an <see cref="AggregateException"/>'s tries).</summary>
    public static TransportFailureKind Classify(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var chain = Chain(Last(failure)).ToList();
        if (chain.Any(e => e is AuthenticationException || e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }))
        {
            return TransportFailureKind.Tls;
        }

        return chain.Any(e => e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }
                || e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData or SocketError.ConnectionRefused })
            ? TransportFailureKind.Unreachable
            : TransportFailureKind.NoAnswer;
    }

    /// <summary>
    /// True when <paramref name="failure"/> is a failure to get an HTTP answer (the connection, TLS, a timeout), as opposed to
    /// an unexpected exception of some library on the way (an answer it could not read, say).
    /// </summary>
    public static bool IsTransport(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Chain(Last(failure)).Any(e => e is HttpRequestException or IOException or SocketException or AuthenticationException
            or TimeoutException or OperationCanceledException or global::Azure.RequestFailedException { Status: 0 });
    }

    /// <summary>
    /// One line saying why there was no answer: the TLS error for a handshake failure, else the message of the innermost
    /// <see cref="HttpRequestException"/> (it names the host and port), else of the innermost exception.
    /// </summary>
    public static string Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var chain = Chain(Last(failure)).ToList();
        var chosen = chain.OfType<AuthenticationException>().LastOrDefault()
            ?? (Exception?)chain.OfType<HttpRequestException>().LastOrDefault()
            ?? chain[^1];
        var text = chosen.Message;
        if (chosen is HttpRequestException && chain[^1] is not HttpRequestException && !text.Contains(chain[^1].Message, StringComparison.Ordinal))
        {
            text = $"{text} ({chain[^1].Message.TrimEnd('.')})";
        }

        return text;
    }

    /// <summary>The last try of an <see cref="AggregateException"/> of retries, or the exception itself.</summary>
    private static Exception Last(Exception failure) =>
        failure is AggregateException { InnerExceptions.Count: > 0 } all ? Last(all.InnerExceptions[^1]) : failure;

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
