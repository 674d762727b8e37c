namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// The document <c>--json</c> prints when a run stops on an error before it has a result (format 1.3, <c>status</c>
/// <c>errored</c>): what was asked and the diagnostics. The same diagnostics go to standard error, and the exit code says
/// what kind of error it was.
/// </summary>
internal sealed record ErrorDocument(
    string FormatVersion,
    string ProvisionVersion,
    string Timestamp,
    string Status,
    string Operation,
    string Stack,
    IReadOnlyList<DiagnosticEntry> Diagnostics);
