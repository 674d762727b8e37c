namespace Provisioning.Diagnostics;

/// <summary>How serious a diagnostic is. Any error stops the command before a request is made.</summary>
public enum Severity
{
    /// <summary>Worth knowing; does not stop the command.</summary>
    Warning,

    /// <summary>The input is wrong; nothing is changed and the exit code is 2.</summary>
    Error,
}
