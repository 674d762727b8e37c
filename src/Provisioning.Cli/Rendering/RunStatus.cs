using Provisioning.Engine;

namespace Provisioning.Cli.Rendering;

/// <summary>How a run ended, in the words the <c>--json</c> document (<c>status</c>) and the Markdown summary use.</summary>
internal static class RunStatus
{
    /// <summary>The run could not start or stopped on an error (a diagnostic): no plan, or a plan that could not be applied.</summary>
    public const string Errored = "errored";

    /// <summary>The status of a run that returned a result.</summary>
    public static string Of(RunOutcome outcome) => outcome switch
    {
        RunOutcome.ChangesPresent => "changes_present",
        RunOutcome.Refused => "refused",
        RunOutcome.Declined => "declined",
        RunOutcome.Cancelled => "cancelled",
        RunOutcome.Failed => "failed",
        _ => "completed",
    };

    /// <summary>One sentence for people: what the status means for a run of <paramref name="kind"/>.</summary>
    public static string Explain(RunKind kind, string status) => status switch
    {
        "changes_present" => "changes are pending and --expect-no-changes was given: nothing was changed",
        "refused" => "the plan was refused: nothing was changed",
        "declined" => "the confirmation was declined: nothing was changed",
        "cancelled" => "cancelled: steps in flight finished and the state was saved; run again to finish",
        "failed" => "at least one step failed; every finished step is saved",
        Errored => "the run stopped on an error before it had a result (see the errors below)",
        _ when kind == RunKind.Preview => "this is what up would do; nothing was changed",
        _ when kind == RunKind.Refresh => "the state records what Azure holds",
        _ => "every step succeeded",
    };
}
