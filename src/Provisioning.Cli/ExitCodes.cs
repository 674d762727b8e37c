using Provisioning.Diagnostics;

namespace Provisioning.Cli;

/// <summary>The process exit codes of <c>provision</c>; documented in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done (or, for preview, shown).</summary>
    public const int Ok = 0;

    /// <summary>At least one step failed, or ARM could not be reached.</summary>
    public const int Failed = 1;

    /// <summary>Invalid input (stack files, flags, state): nothing was changed and no request was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>--expect-no-changes</c> was given and changes are pending.</summary>
    public const int ChangesPresent = 3;

    /// <summary>The stack is locked by another run.</summary>
    public const int Locked = 4;

    /// <summary>Cancelled (Ctrl+C): requests in flight finished and the state was saved.</summary>
    public const int Cancelled = 130;

    /// <summary>Terminated (SIGTERM): requests in flight finished and the state was saved.</summary>
    public const int Terminated = 143;

    /// <summary>The one place that turns diagnostics into an exit code: environment 1 wins over locked 4 over input 2; no error is 0.</summary>
    public static int For(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.Level == Severity.Error).ToList();
        return errors.Count == 0 ? Ok
            : errors.Any(d => d.Origin == DiagnosticOrigin.Environment) ? Failed
            : errors.Any(d => d.Origin == DiagnosticOrigin.Locked) ? Locked
            : InvalidInput;
    }

    /// <summary>The help text that lists the codes.</summary>
    public const string HelpText = """
        Exit codes:
          0    success (preview: plan shown)
          1    a step failed or ARM could not be reached
          2    invalid input: stack files, flags or state; nothing was changed
          3    changes are pending and --expect-no-changes was given
          4    the stack is locked by another run
          130  cancelled (Ctrl+C, SIGINT); requests in flight finished, finished steps are saved
          143  terminated (SIGTERM); requests in flight finished, finished steps are saved
        """;
}
