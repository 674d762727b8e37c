namespace Provisioning.Execution;

/// <summary>
/// A request the provider refused or could not complete: the HTTP status, the ARM error code and
/// the request id, so the operator can quote them to support; <see cref="Exception.Message"/> carries all three.
/// </summary>
public class ResourceProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResourceProviderException(string message, int status = 0, string? errorCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ResourceProviderException()
        : this("The resource provider failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ResourceProviderException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public ResourceProviderException(string message, Exception innerException)
        : this(message, 0, null, null, innerException)
    {
    }

    /// <summary>The HTTP status, or 0 when no answer was received.</summary>
    public int Status { get; }

    /// <summary>The ARM error code, e.g. <c>ParentResourceNotFound</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's request id (<c>x-ms-request-id</c>).</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True only when the provider is sure the resource — for a list, its parent — does not exist (ARM's
    /// <c>ResourceNotFound</c>, <c>ParentResourceNotFound</c>…). A 404 from a wrong endpoint, an unregistered provider or an
    /// unknown resource type (<c>NoRegisteredProviderFound</c>, <c>InvalidResourceType</c>, <c>SubscriptionNotFound</c>,
    /// <c>ResourceGroupNotFound</c>, or no ARM code at all) is a failure, never "missing". Default: false.
    /// </summary>
    public bool ResourceMissing { get; init; }
}
