using System.Security;
using Provisioning.Diagnostics;
using Provisioning.Execution;

namespace Provisioning.Cli;

/// <summary>Turns whatever a run throws into catalogued diagnostics: the last step before the user, so no crash reaches them.</summary>
internal static class Failures
{
    /// <summary>The diagnostics for an exception; every exception has some (an unexpected one is PRV199).</summary>
    public static IReadOnlyList<Diagnostic> ToDiagnostics(Exception exception) => exception switch
    {
        DiagnosticException d => d.Diagnostics,
        AggregateException { InnerExceptions.Count: > 0 } a => [.. a.InnerExceptions.SelectMany(ToDiagnostics)],
        ResourceProviderException e => [DiagnosticCatalog.ArmFailure(e.Message, new ArmErrorDetail(e.Status, e.ErrorCode, e.RequestId))],
        UnauthorizedAccessException or SecurityException => [DiagnosticCatalog.FileSystemFailure(null, exception.Message)],
        IOException e => [DiagnosticCatalog.FileSystemFailure(null, e.Message)],
        _ => [DiagnosticCatalog.Unexpected(exception)],
    };
}
