using Provisioning.AzureStack;
using Provisioning.Cli.Rendering;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>
/// <c>provision import</c>: adopts the mappings that exist in ARM under the stack's registrations but are not in
/// its state, recording them in the state (no request but the lists), and prints — or writes with <c>--out</c> —
/// the stack-file entries for those the stack file does not declare yet.
/// </summary>
internal sealed class ImportOperation(CliConsole console, IProviderFactory providers)
{
    /// <summary>Runs the import and returns the exit code.</summary>
    public async Task<int> RunAsync(string directory, string stackName, bool yes, string? outFile, CancellationToken cancellationToken)
    {
        if (StackContext.Load(console, directory, stackName) is not { } context)
        {
            return ExitCodes.InvalidInput;
        }

        if (!yes && !console.Interactive)
        {
            throw new DiagnosticException(DiagnosticCatalog.ConfirmationNeeded("import", "writes the state"));
        }

        var (stack, folder) = context;
        await using var state = await context.OpenStateAsync(console, "import", cancellationToken);
        if (state.Failure is { } failure)
        {
            return failure;
        }

        await using var connection = await providers.ConnectAsync(stack, folder, cancellationToken);
        console.Error.MarkupLineInterpolated($"Importing into stack [bold]{stack.Stack}[/] (project {stack.Project}) from {stack.Cloud.Name} ({connection.Endpoint})");
        var checkpoint = await state.ResolvePendingAsync(console, connection.Provider, cancellationToken);
        var refreshed = await RefreshRenderer.RunAsync(console.Error, console.Interactive, progress =>
            Refresher.RefreshAsync(connection.Provider, stack.Registrations.Select(r => r.Id), TenantRegistration.ChildTypeSegment, TenantRegistration.ApiVersion, progress: progress, cancellationToken: cancellationToken));
        var known = checkpoint.Resources.Select(r => r.Id).ToHashSet();
        var desired = TenantRegistration.Expand(stack);
        var found = refreshed.Resources
            .Where(r => !known.Contains(r.Id) && AdoptedNames.RegistrationOf(stack, r.Id) is not null)
            .OrderBy(r => r.Id.ToString(), StringComparer.OrdinalIgnoreCase)
            .ToList();

        // A mapping belongs to one stack: what another stack of the project declares or records is left to it.
        var others = found.Count == 0 ? [] : await ProjectStacks.ClaimedByOthersAsync(directory, stack, cancellationToken);
        foreach (var claimed in found.Where(r => others.ContainsKey(r.Id)))
        {
            DiagnosticRenderer.Write(console.Error, DiagnosticCatalog.ImportSkipsSibling(SourceSpan.WholeFile(StackLoader.StackFileName(stack.Stack)), claimed.Id.ToString(), others[claimed.Id]));
        }

        found = [.. found.Where(r => !others.ContainsKey(r.Id))];
        var adopted = Name(stack, desired, checkpoint.Resources, found);
        foreach (var skipped in adopted.Skipped)
        {
            DiagnosticRenderer.Write(console.Error, skipped);
        }

        if (adopted.Resources.Count == 0)
        {
            console.Error.MarkupLine("Nothing to import: every mapping under the stack's registrations is already in its state or in another stack.");
            return ExitCodes.Ok;
        }

        foreach (var r in adopted.Resources)
        {
            console.Error.MarkupLineInterpolated($"  [cyan]< import[/] {r.Urn.Name}  {r.Id}  tenant {r.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty)}");
        }

        if (!yes && !await console.Error.ConfirmAsync($"Import these {adopted.Resources.Count} mapping(s) into the state?", defaultValue: false, cancellationToken))
        {
            console.Error.MarkupLine("Nothing was changed.");
            return ExitCodes.Ok;
        }

        // The entries are written before the state: if the file cannot be written, nothing was imported and import can run again.
        var undeclared = adopted.Resources.Where(r => desired.Find(r.Id) is null).ToList();
        var yaml = undeclared.Count == 0 ? null : StackYamlWriter.Tenants(adopted.Stack, undeclared.Select(Lowered));
        if (yaml is not null && !string.IsNullOrEmpty(outFile))
        {
            try
            {
                await File.WriteAllTextAsync(outFile, yaml, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                DiagnosticRenderer.Write(console.Error, DiagnosticCatalog.ImportOutputFailed(outFile, e.Message));
                return ExitCodes.Failed;
            }
        }

        await state.Store.WriteAsync(checkpoint with { Updated = DateTimeOffset.UtcNow, Resources = checkpoint.Resources.AddRange(adopted.Resources) }, cancellationToken);
        console.Error.MarkupLineInterpolated($"[green]Imported {adopted.Resources.Count} mapping(s) into the state of {stack.Stack}.[/]");
        if (yaml is null)
        {
            return ExitCodes.Ok;
        }

        if (string.IsNullOrEmpty(outFile))
        {
            console.Out.Profile.Out.Writer.Write(yaml);
            console.Out.Profile.Out.Writer.Flush();
        }
        else
        {
            console.Error.MarkupLineInterpolated($"Wrote the stack-file entries to {outFile}.");
        }

        console.Error.MarkupLineInterpolated($"[yellow]warning:[/] {undeclared.Count} imported mapping(s) are not in {stack.Stack}'s stack file yet: add the entries above, or the next up will delete them.");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The state entries of the found mappings, each under a URN of its own: the declared resource's for a declared mapping,
    /// else <c>&lt;registration&gt;-&lt;tenant key&gt;</c> with keys unique among the tenants imported together
    /// (<see cref="AdoptedNames.AllocateTenantKeys"/>); and the stack as it reads once the printed entries are added,
    /// so that the entries name every tenant with the key its URN uses.
    /// </summary>
    private static (StackDefinition Stack, List<ResourceState> Resources, List<Diagnostic> Skipped) Name(StackDefinition stack, ResourceGraph desired, IReadOnlyCollection<ResourceState> state, List<ObservedResource> found)
    {
        var undeclared = found.Where(r => desired.Find(r.Id) is null).ToList();
        var taken = state.Select(r => r.Urn.Name).Concat(desired.Resources.Select(r => r.Urn.Name)).ToHashSet(StringComparer.Ordinal);
        var keys = AdoptedNames.AllocateTenantKeys(
            stack,
            undeclared.Select(r => (AdoptedNames.RegistrationOf(stack, r.Id)!.Key, TenantOf(r.Properties))),
            state.Select(r => (Key: RecordedKey(stack, r), TenantId: TenantOf(r.Properties))).Where(k => k.Key is not null).Select(k => (k.Key!, k.TenantId)),
            taken);
        var named = stack with
        {
            Tenants = [.. stack.Tenants, .. keys.Select(k => new Tenant(k.Value, k.Key, [], Protect: false, RetainOnDelete: false, SourceSpan.WholeFile(StackLoader.StackFileName(stack.Stack))))],
        };
        var resources = new List<ResourceState>();
        var skipped = new List<Diagnostic>();
        var urns = state.Select(r => r.Urn.Value).ToHashSet(StringComparer.Ordinal);
        var desiredUrns = desired.Resources.ToDictionary(r => r.Urn.Value, r => r.Id, StringComparer.Ordinal);
        foreach (var r in found)
        {
            var declared = desired.Find(r.Id);
            var entry = declared is null
                ? new ResourceState(AdoptedNames.UrnOf(named, r), r.Id, TenantRegistration.ArmType, TenantRegistration.ApiVersion, r.Properties, AdoptedNames.ComponentUrnOf(named, r.Id), ResourceOptions.None)
                : ResourceState.From(declared, r.Properties) with { Id = r.Id };

            // Never two resources under one URN: a name the state or another declared mapping holds is not taken twice.
            var otherDesired = desiredUrns.TryGetValue(entry.Urn.Value, out var owner) && owner != r.Id;
            if (otherDesired || !urns.Add(entry.Urn.Value))
            {
                skipped.Add(DiagnosticCatalog.ImportNameTaken(SourceSpan.WholeFile(StackLoader.StackFileName(stack.Stack)), r.Id.ToString(), entry.Urn.Name));
                continue;
            }

            resources.Add(entry);
        }

        return (named, resources, skipped);
    }

    private static string TenantOf(IReadOnlyDictionary<string, string> properties) => properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? string.Empty;

    /// <summary>The tenant key in a recorded mapping's URN name (<c>&lt;registration&gt;-&lt;tenant&gt;</c>), when its registration is the stack's.</summary>
    private static string? RecordedKey(StackDefinition stack, ResourceState resource)
    {
        var registration = AdoptedNames.RegistrationOf(stack, resource.Id)?.Key;
        var name = resource.Urn.Name;
        return registration is not null && name.StartsWith(registration + "-", StringComparison.Ordinal) && name.Length > registration.Length + 1
            ? name[(registration.Length + 1)..]
            : null;
    }

    /// <summary>A mapping as the stack file spells it: ids and tenant in lower case (the form config validation expects).</summary>
    private static ResourceState Lowered(ResourceState resource) =>
        resource with
        {
            Id = resource.Id.Parent is { } parent ? parent.Child(TenantRegistration.ChildTypeSegment, resource.Id.Name.ToLowerInvariant()) : resource.Id,
            Properties = resource.Properties.SetItem(TenantRegistration.TenantIdProperty, (resource.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? string.Empty).ToLowerInvariant()),
        };
}
