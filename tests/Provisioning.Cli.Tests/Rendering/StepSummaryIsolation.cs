using System.Runtime.CompilerServices;

namespace Provisioning.Cli.Tests.Rendering;

/// <summary>
/// GitHub Actions sets GITHUB_STEP_SUMMARY for the step that runs these tests: every in-process run would append its
/// report to the job's summary. It is cleared before any test runs; the tests that mean it set it themselves.
/// </summary>
internal static class StepSummaryIsolation
{
    [ModuleInitializer]
    internal static void ClearStepSummary() => Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", null);
}
