using System.Runtime.CompilerServices;

namespace Provisioning.EndToEnd.Tests;

/// <summary>The environment these tests start from, whatever the machine that runs them has set.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// CI (set by the pipeline that runs these tests) makes provision refuse local state for up and destroy; the tests
    /// that mean CI set it themselves, so it is cleared before any test runs.
    /// </summary>
    [ModuleInitializer]
    internal static void ClearContinuousIntegration() => Environment.SetEnvironmentVariable("CI", null);
}
