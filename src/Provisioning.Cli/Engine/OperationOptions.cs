namespace Provisioning.Cli.Engine;

/// <summary>The flags shared by preview, up, destroy and refresh, already parsed.</summary>
internal sealed record OperationOptions(
    string Stack,
    string Directory,
    bool Yes,
    bool ExpectNoChanges,
    bool Refresh,
    int Parallel,
    bool ShowSame)
{
    /// <summary>Print one JSON document on standard output; human text goes to standard error.</summary>
    public bool Json { get; init; }

    /// <summary>List every property of every change, before and after.</summary>
    public bool Diff { get; init; }

    /// <summary>URN or ARM id patterns (<c>*</c> wildcards); empty means every resource.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Also delete unmanaged mappings under managed registrations.</summary>
    public bool Prune { get; init; }

    /// <summary>preview, up: allow a plan that removes more than half of the mappings the stack manages.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>preview: write the plan to this file.</summary>
    public string? SavePlan { get; init; }

    /// <summary>up: apply the plan saved in this file, refusing if the world moved.</summary>
    public string? PlanFile { get; init; }
}
