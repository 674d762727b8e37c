using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.Programs;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>What a run of a stack did: the plan it made, how it ended and, when it applied, every step's outcome.</summary>
/// <param name="Kind">The verb.</param>
/// <param name="Project">The project.</param>
/// <param name="Stack">The stack.</param>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Plan">The plan (for a refresh: the drift; for an import: the adopted mappings); a refused plan carries the refusals in its errors.</param>
public sealed record StackRunResult(RunKind Kind, string Project, string Stack, RunOutcome Outcome, Plan Plan)
{
    /// <summary>The warnings shown with the plan (every tenant on every stamp, guards' warnings).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why the run was refused (<see cref="RunOutcome.Refused"/>), each with its code; empty otherwise.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Every step's outcome and the checkpoint saved, when the run applied (or, for refresh and import, wrote the state).</summary>
    public ExecutionResult? Execution { get; init; }

    /// <summary>A program's stack outputs when they stand (a preview, a successful up); null for a YAML stack or otherwise.</summary>
    public IReadOnlyList<ProgramOutput>? Outputs { get; init; }

    /// <summary>The file the plan was saved to (<see cref="RunOptions.SavePlan"/>).</summary>
    public string? SavedPlan { get; init; }

    /// <summary>import: the mappings adopted into the state.</summary>
    public IReadOnlyList<ResourceState> Imported { get; init; } = [];

    /// <summary>import: the stack-file entries for the adopted mappings the stack file does not declare yet (null when none).</summary>
    public string? ImportedEntries { get; init; }

    /// <summary>import: how many adopted mappings the stack file does not declare yet.</summary>
    public int Undeclared { get; init; }

    /// <summary>The resources the stack declares (empty for destroy, refresh and import): components, their resources, URNs and ARM ids.</summary>
    public Model.ResourceGraph? Desired { get; init; }

    /// <summary>What changed in Azure since the state recorded it (found by the refresh; empty without one), apart from the changes the plan makes.</summary>
    public IReadOnlyList<DriftedResource> Drift { get; init; } = [];

    /// <summary>The ARM endpoint the run talked to.</summary>
    public string Endpoint { get; init; } = string.Empty;
}
