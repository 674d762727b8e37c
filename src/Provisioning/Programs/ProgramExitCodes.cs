namespace Provisioning.Programs;

/// <summary>The exit codes of a program on Provisioning.Sdk (docs/program-contract.md). The message, when written, is what counts.</summary>
public static class ProgramExitCodes
{
    /// <summary>The message is written and lists no problem.</summary>
    public const int Success = 0;

    /// <summary>The message is written and lists problems (missing config, an exception).</summary>
    public const int ProblemsReported = 1;

    /// <summary>Not run by provision (no <see cref="ProgramEnvironment.ProgramOutput"/>), or the environment is unusable: no message written.</summary>
    public const int NotRunByEngine = 2;

    /// <summary>The message could not be written (the file system refused).</summary>
    public const int MessageNotWritten = 3;
}
