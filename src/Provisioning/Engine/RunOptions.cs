namespace Provisioning.Engine;

/// <summary>How a run of a stack behaves: the flags of <c>provision preview | up | destroy | refresh</c>.</summary>
public sealed record RunOptions
{
    /// <summary>Apply without asking; without it a run that changes something asks <see cref="EngineObserver.ConfirmAsync"/>.</summary>
    public bool Yes { get; init; }

    /// <summary>Change nothing and end with <see cref="RunOutcome.ChangesPresent"/> when anything would change.</summary>
    public bool ExpectNoChanges { get; init; }

    /// <summary>List what exists in ARM before planning (default true).</summary>
    public bool Refresh { get; init; } = true;

    /// <summary>Requests in flight at once (default 20).</summary>
    public int Parallelism { get; init; } = 20;

    /// <summary>URN or ARM id patterns (<c>*</c> wildcards); empty means every resource. A pattern matching nothing is refused.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Also delete unmanaged mappings under the stack's registrations.</summary>
    public bool Prune { get; init; }

    /// <summary>Allow a plan that removes more than half of the mappings the stack manages.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>preview: write the plan to this file.</summary>
    public string? SavePlan { get; init; }

    /// <summary>up: apply the plan saved in this file, refused if the world moved since.</summary>
    public string? PlanFile { get; init; }

    /// <summary>With <see cref="ExpectNoChanges"/>: mappings under the stack's registrations that no stack manages (<c>?</c>) count as changes too (a drift check that misses nothing).</summary>
    public bool FailOnUnmanaged { get; init; }

    /// <summary>The run is in CI (the <c>CI</c> variable is set): up and destroy refuse a stack with no backend, whose state would stay on the runner.</summary>
    public bool ContinuousIntegration { get; init; }

    /// <summary>In CI, keep the state in the local work folder anyway (a self-hosted runner that keeps its files).</summary>
    public bool AllowLocalState { get; init; }

    /// <summary>How long requests still in flight may take to finish once the run is cancelled (default 20 s).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
