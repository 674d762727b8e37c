using Provisioning.Config;
using Provisioning.Model;

namespace Provisioning.Engine;

/// <summary>The stacks of a project folder: those with a stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>) and those with a state file.</summary>
public static class ProjectStacks
{
    /// <summary>The stack names that have a stack file in <paramref name="directory"/>, sorted.</summary>
    public static IReadOnlyList<string> WithStackFiles(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "Pulumi.*.yaml")
                .Select(p => Path.GetFileName(p)["Pulumi.".Length..^".yaml".Length])
                .Where(IsStackName)
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The stack names that have a state file for <paramref name="project"/>, sorted.</summary>
    public static IReadOnlyList<string> WithStateFiles(WorkFolder folder, string project)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var directory = Path.GetDirectoryName(folder.StatePath(project, "x"))!;
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.json")
                .Select(p => Path.GetFileNameWithoutExtension(p))
                .Where(IsStackName)
                .Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>A plausible stack name (no leading dot: temporary files and hidden files are not stacks).</summary>
    private static bool IsStackName(string name) =>
        name.Length > 0 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>
    /// The ids every other stack of the project claims, each with the name of (the first) stack that claims it: its desired
    /// mappings (when its stack file is valid) and its recorded state (when readable). Used so that no stack ever deletes,
    /// overwrites or imports another stack's mapping.
    /// </summary>
    public static async Task<Dictionary<ArmResourceId, string>> ClaimedByOthersAsync(Workspace workspace, StackDefinition stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(stack);
        var directory = workspace.Directory;
        var folder = workspace.FolderOf(stack);
        var claimed = new Dictionary<ArmResourceId, string>();

        // Another cloud is another Azure: the same ids there are other resources (a local stack beside a prod one).
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in WithStackFiles(directory).Where(n => n != stack.Stack))
        {
            var other = StackLoader.Load(directory, name);
            if (other.Stack is { } definition && !SameCloud(definition.Cloud, stack.Cloud))
            {
                elsewhere.Add(name);
            }
            else if (other.Stack is { } same && same.Project == stack.Project)
            {
                Claim(claimed, TryExpand(same), name);
            }
        }

        foreach (var name in WithStateFiles(folder, stack.Project).Where(n => n != stack.Stack && !elsewhere.Contains(n)))
        {
            try
            {
                // Read-only, without the lock: the other stack's state through the same backend choice as its own verbs.
                var store = workspace.Options.StateBackend.Open(stack with { Stack = name }, folder);
                try
                {
                    var checkpoint = await store.ReadAsync(cancellationToken);
                    Claim(claimed, checkpoint?.Resources.Select(r => r.Id) ?? [], name);
                }
                finally
                {
                    (store as IDisposable)?.Dispose();
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException or Diagnostics.DiagnosticException)
            {
                // An unreadable state of another stack is that stack's problem; its stack file still counts.
            }
        }

        return claimed;
    }

    private static bool SameCloud(CloudSpec a, CloudSpec b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && a.ArmEndpoint == b.ArmEndpoint;

    private static IEnumerable<ArmResourceId> TryExpand(StackDefinition definition)
    {
        try
        {
            return [.. definition.Expand().Resources.Select(r => r.Id)];
        }
        catch (ArgumentException)
        {
            // A stack file the validation accepted but that cannot expand claims nothing more than its state.
            return [];
        }
    }

    private static void Claim(Dictionary<ArmResourceId, string> claimed, IEnumerable<ArmResourceId> ids, string stack)
    {
        foreach (var id in ids)
        {
            claimed.TryAdd(id, stack);
        }
    }
}
