namespace Provisioning.Cli.Tests.Rendering;

/// <summary>Tests that set GITHUB_STEP_SUMMARY, a variable of the whole process: they run while no other test does.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StepSummaryVariable
{
    public const string Name = "GITHUB_STEP_SUMMARY";
}
