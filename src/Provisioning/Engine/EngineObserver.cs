using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// What a run tells the one who started it, as it happens: a program's output, warnings, the plan before anything is
/// sent, the progress of the refresh and the apply, and the question before a change. The defaults show nothing and
/// answer no: a run with <see cref="RunOptions.Yes"/> needs no observer at all. The CLI renders these on the terminal.
/// </summary>
public class EngineObserver
{
    /// <summary>An observer that shows nothing and never confirms.</summary>
    public static EngineObserver Silent { get; } = new();

    /// <summary>Whether <see cref="ConfirmAsync"/> can ask someone; when false a run that changes something needs <c>Yes</c>.</summary>
    public virtual bool CanConfirm => false;

    /// <summary>A line a C# program (or its build) wrote.</summary>
    public virtual void OnProgramOutput(string line)
    {
    }

    /// <summary>A warning or note of the run that is not an error: stack-file warnings, plan guards' findings, a skipped import.</summary>
    public virtual void OnDiagnostic(Diagnostic diagnostic)
    {
    }

    /// <summary>A line of information (<paramref name="warning"/> false) or a warning: the state's notes, interrupted operations resolved.</summary>
    public virtual void OnMessage(string text, bool warning)
    {
    }

    /// <summary>A phase finished, <paramref name="elapsed"/> after the run started: where a slow run spent its time.</summary>
    public virtual void OnPhase(string name, TimeSpan elapsed)
    {
    }

    /// <summary>The stack is valid, its state read and ARM connected: the run begins.</summary>
    public virtual void OnStart(RunKind kind, StackDefinition stack, string endpoint)
    {
    }

    /// <summary>Runs the refresh, which reports its progress to the <see cref="IProgress{T}"/> given (null: none).</summary>
    public virtual Task<RefreshResult> RefreshingAsync(Func<IProgress<RefreshProgress>?, Task<RefreshResult>> refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        return refresh(null);
    }

    /// <summary>
    /// The plan, before anything is applied (for a refresh: the drift as steps), with the warnings to show beside it and
    /// what changed in Azure since the state recorded it (<paramref name="drift"/>, empty without a refresh).
    /// </summary>
    public virtual void OnPlan(RunKind kind, Plan plan, IReadOnlyList<string> warnings, IReadOnlyList<DriftedResource> drift)
    {
    }

    /// <summary>The mappings an import would adopt, before it asks.</summary>
    public virtual void OnImport(IReadOnlyList<ResourceState> adopted)
    {
    }

    /// <summary>Asks a yes/no question before a change; the default answers no.</summary>
    public virtual Task<bool> ConfirmAsync(RunKind kind, string question, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Runs the apply of <paramref name="changes"/> requests, which reports each finished step to the <see cref="IProgress{T}"/> given.</summary>
    public virtual Task<ExecutionResult> ApplyingAsync(int changes, Func<IProgress<StepEvent>?, Task<ExecutionResult>> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return apply(null);
    }
}
