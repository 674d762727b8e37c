namespace CrashTest;

/// <summary>One finished run of the CLI.</summary>
internal sealed record RunResult(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>How many pending operations of an interrupted run this run reported resolving.</summary>
    public int PendingFindings => Error.Split('\n').Count(l => l.Contains("from an interrupted run", StringComparison.Ordinal));
}
