namespace Provisioning.Engine;

/// <summary>The state files under a project folder's <c>.provision/stacks/&lt;project&gt;/&lt;stack&gt;.json</c>.</summary>
public static class StateFiles
{
    /// <summary>Every state file found: its project, stack and path (temporary and hidden files are skipped).</summary>
    public static IReadOnlyList<(string Project, string Stack, string Path)> FindAll(string directory, string? stateRoot = null)
    {
        var root = Path.Combine(stateRoot ?? new WorkFolder(directory).Root, "stacks");
        if (!Directory.Exists(root))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(root)
            .SelectMany(project => Directory.EnumerateFiles(project, "*.json")
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => (Path.GetFileName(project), Path.GetFileNameWithoutExtension(f), f)))
            .OrderBy(s => s.Item2, StringComparer.Ordinal)];
    }
}
