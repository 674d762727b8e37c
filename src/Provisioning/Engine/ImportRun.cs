using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Execution;
using Provisioning.Model;
using Provisioning.Planning;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// import: adopts the mappings that exist in ARM under the stack's registrations but are not in its state, recording
/// them in the state (no request but the lists), and makes the stack-file entries for those the stack file does not
/// declare yet (written to <see cref="ImportOptions.OutFile"/> before the state, so a failed write imports nothing).
/// </summary>
internal sealed class ImportRun(WorkspaceStack stack, ImportOptions options)
{
    public async Task<StackRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var workspace = stack.Workspace;
        var observer = workspace.Options.Observer;
        await using var run = await StateRun.OpenAsync(stack, RunKind.Import, writes: true, options.Yes, "writes the state", null, cancellationToken).ConfigureAwait(false);
        var (definition, state, connection, checkpoint) = (run.Definition, run.State, run.Connection, run.Checkpoint);
        var refreshed = await run.ListAsync(definition.Registrations.Select(r => r.Id), null, cancellationToken).ConfigureAwait(false);
        var known = checkpoint.Resources.Select(r => r.Id).ToHashSet();
        var desired = definition.Expand();
        var found = refreshed.Resources
            .Where(r => !known.Contains(r.Id) && AdoptedNames.RegistrationOf(definition, r.Id) is not null)
            .OrderBy(r => r.Id.ToString(), StringComparer.OrdinalIgnoreCase)
            .ToList();

        // A mapping belongs to one stack: what another stack of the project declares or records is left to it.
        var others = found.Count == 0 ? [] : await ProjectStacks.ClaimedByOthersAsync(workspace, definition, cancellationToken).ConfigureAwait(false);
        foreach (var claimed in found.Where(r => others.ContainsKey(r.Id)))
        {
            observer.OnDiagnostic(DiagnosticCatalog.ImportSkipsSibling(SourceSpan.WholeFile(StackLoader.StackFileName(definition.Stack)), claimed.Id.ToString(), others[claimed.Id]));
        }

        found = [.. found.Where(r => !others.ContainsKey(r.Id))];
        var adopted = Name(definition, desired, checkpoint.Resources, found);
        foreach (var skipped in adopted.Skipped)
        {
            observer.OnDiagnostic(skipped);
        }

        var plan = new Plan([.. adopted.Resources.Select(r => new Step(StepKind.Adopt, r.Urn, r.Id, new Resource(r.Urn, r.Id, r.Type, r.ApiVersion, r.Properties, r.Parent, r.Options), null, [], "found in Azure: imported into the state"))], []);
        var result = new StackRunResult(RunKind.Import, definition.Project, definition.Stack, RunOutcome.Succeeded, plan) { Endpoint = connection.Endpoint };
        if (adopted.Resources.Count == 0)
        {
            return result;
        }

        observer.OnImport(adopted.Resources);
        if (!options.Yes && !await observer.ConfirmAsync(RunKind.Import, $"Import these {adopted.Resources.Count} mapping(s) into the state?", cancellationToken).ConfigureAwait(false))
        {
            return result with { Outcome = RunOutcome.Declined };
        }

        // The entries are written before the state: if the file cannot be written, nothing was imported and import can run again.
        var undeclared = adopted.Resources.Where(r => desired.Find(r.Id) is null).ToList();
        var yaml = undeclared.Count == 0 ? null : StackYamlWriter.Tenants(adopted.Stack, undeclared.Select(Lowered));
        if (yaml is not null && !string.IsNullOrEmpty(options.OutFile))
        {
            try
            {
                await File.WriteAllTextAsync(options.OutFile, yaml, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DiagnosticException(DiagnosticCatalog.ImportOutputFailed(options.OutFile, e.Message), e);
            }
        }

        var written = checkpoint with { Updated = DateTimeOffset.UtcNow, Resources = checkpoint.Resources.AddRange(adopted.Resources) };
        await state.Store.WriteAsync(written, cancellationToken).ConfigureAwait(false);
        return result with
        {
            Imported = adopted.Resources,
            ImportedEntries = yaml,
            Undeclared = undeclared.Count,
            Execution = new ExecutionResult(written, [.. plan.Steps.Select(s => new StepEvent(s, StepStatus.Succeeded))], Cancelled: false),
        };
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
