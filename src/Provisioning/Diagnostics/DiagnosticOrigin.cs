namespace Provisioning.Diagnostics;

/// <summary>Whose fault an error is; it decides the exit code (input 2, environment 1, locked 4, cancelled 130/143).</summary>
public enum DiagnosticOrigin
{
    /// <summary>The input is wrong (stack files, flags, state, a saved plan): exit code 2, nothing was changed.</summary>
    Input,

    /// <summary>The environment failed (a file system, the network, credentials that could not get a token, ARM): exit code 1.</summary>
    Environment,

    /// <summary>The stack is locked by another run: exit code 4.</summary>
    Locked,
}
