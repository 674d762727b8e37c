namespace Provisioning.EndToEnd.Tests;

/// <summary>A temporary project folder holding a copy of the repository's Pulumi.yaml and a stack file.</summary>
public sealed class StackFolder : IDisposable
{
    public StackFolder(string stackYaml, string stack = "local")
    {
        Directory.CreateDirectory(Path);
        File.Copy(System.IO.Path.Combine(RepositoryRoot, "Pulumi.yaml"), System.IO.Path.Combine(Path, "Pulumi.yaml"));
        StackFile = System.IO.Path.Combine(Path, $"Pulumi.{stack}.yaml");
        File.WriteAllText(StackFile, stackYaml);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "provision-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string StackFile { get; }

    public string EmulatorData => System.IO.Path.Combine(Path, ".provision", "emulator", "arm.json");

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The repository's own local stack, the one the README's first command uses.</summary>
    public static string LocalStackYaml => File.ReadAllText(System.IO.Path.Combine(RepositoryRoot, "Pulumi.local.yaml"));

    /// <summary>Removes one tenant's block (its key line and everything indented below it) from the stack file.</summary>
    public void RemoveTenant(string key)
    {
        var lines = File.ReadAllLines(StackFile).ToList();
        var start = lines.FindIndex(l => l == $"    {key}:");
        Assert.True(start >= 0, $"tenant {key} not found in the stack file");
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("      ", StringComparison.Ordinal))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        File.WriteAllLines(StackFile, lines);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Provisioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Provisioning.sln) was not found above " + AppContext.BaseDirectory);
    }
}
