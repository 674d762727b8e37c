using System.Text;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>A run with credentials in the environment writes none of them anywhere: output, state, journal, emulator data.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SecretsTests
{
    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal)
    {
        ["AZURE_CLIENT_SECRET"] = "Qw8~secret-client-value-" + Guid.NewGuid().ToString("N"),
        ["AZURE_STORAGE_CONNECTION_STRING"] = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + ";EndpointSuffix=core.windows.net",
        ["AZURE_STORAGE_SAS_TOKEN"] = "sv=2024-01-01&ss=b&sig=" + Guid.NewGuid().ToString("N"),
        ["ARM_ACCESS_KEY"] = "accesskey" + Guid.NewGuid().ToString("N"),
    };

    [Fact]
    public async Task Up_and_preview_with_credentials_in_the_environment_leave_no_secret_in_output_or_files()
    {
        using var folder = new StackFolder(StackFolder.LocalStackYaml);
        foreach (var (name, value) in Secrets)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var outputs = new StringBuilder();
        try
        {
            foreach (var args in new[] { new[] { "preview", "--stack", "local", "--cwd", folder.Path }, ["up", "--stack", "local", "--cwd", folder.Path, "--yes"], ["preview", "--stack", "local", "--cwd", folder.Path] })
            {
                var run = await Cli.RunAsync(null, args);
                Assert.True(run.ExitCode == 0, run.ToString());
                outputs.Append(run.Out).Append(run.Error);
            }
        }
        finally
        {
            foreach (var name in Secrets.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        var files = Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("local.json", StringComparison.Ordinal));
        foreach (var (name, value) in Secrets)
        {
            var secretPart = value[^20..];
            Assert.DoesNotContain(secretPart, outputs.ToString(), StringComparison.Ordinal);
            foreach (var file in files)
            {
                Assert.False(File.ReadAllText(file).Contains(secretPart, StringComparison.Ordinal), $"{name} found in {file}");
            }
        }

        foreach (var state in OperatingSystem.IsWindows() ? [] : files.Where(f => f.Contains(Path.Combine(".provision", "stacks"), StringComparison.Ordinal)))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(state));
        }
    }
}
