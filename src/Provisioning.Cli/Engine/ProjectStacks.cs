using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Model;

namespace Provisioning.Cli.Engine;

/// <summary>The stacks of a project folder: those with a stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>) and those with a state file.</summary>
internal static class ProjectStacks
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
    /// The ids every other stack of the project claims: its desired mappings (when its stack file is valid)
    /// and its recorded state (when readable). Used so that <c>--prune</c> never deletes another stack's mapping.
    /// </summary>
    public static async Task<HashSet<ArmResourceId>> ClaimedByOthersAsync(string directory, StackDefinition stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var folder = new WorkFolder(directory);
        var claimed = new HashSet<ArmResourceId>();
        foreach (var name in WithStackFiles(directory).Where(n => n != stack.Stack))
        {
            var other = StackLoader.Load(directory, name);
            if (other.Stack is { } definition)
            {
                claimed.UnionWith(TenantRegistration.Expand(definition).Resources.Select(r => r.Id));
            }
        }

        foreach (var name in WithStateFiles(folder, stack.Project).Where(n => n != stack.Stack))
        {
            try
            {
                // Read-only, without the lock: the other stack's state through the same backend choice as its own verbs.
                var store = StateSession.CreateStore(stack with { Stack = name }, folder);
                try
                {
                    var checkpoint = await store.ReadAsync(cancellationToken);
                    claimed.UnionWith(checkpoint?.Resources.Select(r => r.Id) ?? []);
                }
                finally
                {
                    (store as IDisposable)?.Dispose();
                }
            }
            catch (InvalidDataException)
            {
                // A corrupt state of another stack is that stack's problem; its stack file still counts.
            }
        }

        return claimed;
    }
}
