using Provisioning.Execution;

namespace Provisioning.Azure;

/// <summary>
/// An ARM request that failed or got no answer, with the HTTP status (0 when none), the ARM
/// <c>error.code</c>, the ARM <c>error.message</c> and the <c>x-ms-request-id</c> to quote to support.
/// </summary>
public sealed class ArmRequestException : ResourceProviderException
{
    /// <summary>Creates the exception from its parts; <see cref="Exception.Message"/> is built from them.</summary>
    public ArmRequestException(string method, string path, int status, string? errorCode, string? armMessage, string? requestId, Exception? innerException = null)
        : base(Describe(method, path, status, errorCode, armMessage, requestId), status, errorCode, requestId, innerException)
    {
        Method = method;
        Path = path;
        ArmMessage = armMessage;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ArmRequestException()
        : this("ARM request failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ArmRequestException(string message)
        : base(message)
    {
        Method = string.Empty;
        Path = string.Empty;
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public ArmRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
        Path = string.Empty;
    }

    /// <summary>The HTTP method of the failed request, e.g. <c>PUT</c>.</summary>
    public string Method { get; }

    /// <summary>The path of the failed request without host or query, e.g. a resource id.</summary>
    public string Path { get; }

    /// <summary>The ARM <c>error.message</c> (or what the body said when it was not ARM JSON), if any.</summary>
    public string? ArmMessage { get; }

    private static string Describe(string method, string path, int status, string? errorCode, string? armMessage, string? requestId)
    {
        var what = status == 0 ? "no response" : status.ToString();
        var code = string.IsNullOrEmpty(errorCode) ? string.Empty : $" {errorCode}";
        var text = string.IsNullOrEmpty(armMessage) ? string.Empty : $": {armMessage}";
        var id = string.IsNullOrEmpty(requestId) ? string.Empty : $" (request id {requestId})";
        return $"{method} {path} failed: {what}{code}{text}{id}";
    }
}
