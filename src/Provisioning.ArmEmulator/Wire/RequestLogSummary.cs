namespace Provisioning.ArmEmulator;

/// <summary>The JSON of <c>GET /_emulator/requests</c>.</summary>
/// <param name="Count">All requests answered.</param>
/// <param name="Counts">The requests per method and status.</param>
internal sealed record RequestLogSummary(int Count, IReadOnlyList<RequestCount> Counts);

/// <summary>The number of requests with one method and status.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="StatusCode">The status answered.</param>
/// <param name="Count">How many.</param>
internal sealed record RequestCount(string Method, int StatusCode, int Count);
