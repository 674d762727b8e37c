using System.Reflection;
using Provisioning.Sdk;
using Provisioning.Testing;

namespace TenantRegistrations.Tests;

/// <summary>
/// The example's own Program.cs, run through its entry point with the environment provision gives it (the program's
/// types are internal; its entry point is reachable): its message gives exactly the ids the mirrored program does.
/// </summary>
public sealed class ExampleEntryPointTests
{
    [Fact]
    public async Task The_examples_own_program_declares_exactly_the_expected_ids()
    {
        // The program project is referenced, so its assembly is beside the tests.
        var entry = Assembly.Load("TenantRegistrations").EntryPoint;
        Assert.NotNull(entry);
        var options = Example.Options();
        var messagePath = Path.Combine(Path.GetTempPath(), $"example-message-{Guid.NewGuid():N}.json");
        var variables = options.EnvironmentVariables(messagePath);
        var exitCode = Environment.ExitCode;
        try
        {
            // Deployment.RunAsync reads the PROVISION_* variables, as it does when provision starts the program.
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var returned = entry.Invoke(null, [Array.Empty<string>()]);
            var exit = returned is Task<int> task ? await task : (int)returned!;
            Assert.Equal(0, exit);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            Environment.ExitCode = exitCode;
        }

        try
        {
            var result = await Deployment.TestMessageAsync(new MultiStampTests.RecordingMocks(), options, await File.ReadAllBytesAsync(messagePath));

            Assert.Equal<string>(MultiStampTests.ExampleIds, result.Ids);
            Assert.Equal("11", result.Outputs["mappings"]);
        }
        finally
        {
            File.Delete(messagePath);
        }
    }
}
