namespace Provisioning.Engine;

/// <summary>How a run ended (a run that could not start throws a <see cref="Diagnostics.DiagnosticException"/> instead).</summary>
public enum RunOutcome
{
    /// <summary>Done: a preview shown, nothing to change, or every change applied.</summary>
    Succeeded,

    /// <summary><see cref="RunOptions.ExpectNoChanges"/> was set and changes are pending; nothing was changed.</summary>
    ChangesPresent,

    /// <summary>The plan was refused by a guard or holds errors (<see cref="StackRunResult.Diagnostics"/>); nothing was changed.</summary>
    Refused,

    /// <summary>The confirmation was declined; nothing was changed.</summary>
    Declined,

    /// <summary>Cancelled while applying: steps in flight finished and the state was saved.</summary>
    Cancelled,

    /// <summary>At least one step failed; every other finished step is saved.</summary>
    Failed,
}
