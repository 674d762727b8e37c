namespace Provisioning.Diagnostics;

/// <summary>What ARM said when it refused a request: the HTTP status, its error code, and the request id support asks for.</summary>
/// <param name="Status">The HTTP status (0 when no answer came).</param>
/// <param name="Code">ARM's <c>error.code</c>, when it gave one.</param>
/// <param name="RequestId">The <c>x-ms-request-id</c> of the answer, when it had one.</param>
public sealed record ArmErrorDetail(int Status, string? Code, string? RequestId);
