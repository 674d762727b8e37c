namespace Provisioning.ArmEmulator;

/// <summary>The JSON of <c>GET /_emulator/requests</c>.</summary>
/// <param name="Count">All requests answered.</param>
/// <param name="Counts">The requests per method and status.</param>
/// <param name="Kinds">The ARM requests per kind (read, write, delete) and status; status 0 is a dropped connection.</param>
/// <param name="Throttled">The requests ARM's throttle refused with 429.</param>
/// <param name="Faults">The requests per injected fault.</param>
internal sealed record RequestLogSummary(
    int Count,
    IReadOnlyList<RequestCount> Counts,
    IReadOnlyList<KindCount> Kinds,
    int Throttled,
    IReadOnlyList<FaultCount> Faults);

/// <summary>The number of requests with one method and status.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="StatusCode">The status answered.</param>
/// <param name="Count">How many.</param>
internal sealed record RequestCount(string Method, int StatusCode, int Count);

/// <summary>The number of ARM requests of one kind with one status.</summary>
/// <param name="Kind">read, write or delete.</param>
/// <param name="StatusCode">The status answered, 0 for a dropped connection.</param>
/// <param name="Count">How many.</param>
internal sealed record KindCount(string Kind, int StatusCode, int Count);

/// <summary>The number of requests that met one injected fault.</summary>
/// <param name="Fault">The fault, camelCase (e.g. <c>droppedConnection</c>).</param>
/// <param name="Count">How many.</param>
internal sealed record FaultCount(string Fault, int Count);
