namespace Provisioning.Programs;

/// <summary>One problem a program met while it ran.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">What went wrong, never echoing a secret.</param>
/// <param name="Key">The config key or output name concerned, when there is one.</param>
/// <param name="ExceptionType">The full name of the exception's type, for <see cref="ProgramProblemKind.Exception"/>.</param>
/// <param name="StackTrace">The exception's stack trace, when there is one (cut when very long).</param>
/// <param name="Source">The program's line concerned, when known.</param>
public sealed record ProgramProblem(
    ProgramProblemKind Kind,
    string Message,
    string? Key = null,
    string? ExceptionType = null,
    string? StackTrace = null,
    ProgramSource? Source = null);
