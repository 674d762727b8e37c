using Provisioning.AzureStack;
using Provisioning.Cli.Rendering;
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
            console.Error.MarkupLine("[red]error:[/] import writes the state and needs --yes when not run on an interactive terminal (CI, pipes). Nothing was changed.");
            return ExitCodes.InvalidInput;
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
        var adopted = new List<ResourceState>();
        foreach (var found in refreshed.Resources.Where(r => !known.Contains(r.Id)).OrderBy(r => r.Id.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            var declared = desired.Find(found.Id);
            adopted.Add(declared is null
                ? new ResourceState(AdoptedNames.UrnOf(stack, found), found.Id, TenantRegistration.ArmType, TenantRegistration.ApiVersion, found.Properties, AdoptedNames.ComponentUrnOf(stack, found.Id), ResourceOptions.None)
                : ResourceState.From(declared, found.Properties) with { Id = found.Id });
        }

        if (adopted.Count == 0)
        {
            console.Error.MarkupLine("Nothing to import: every mapping under the stack's registrations is already in its state.");
            return ExitCodes.Ok;
        }

        foreach (var r in adopted)
        {
            console.Error.MarkupLineInterpolated($"  [cyan]< import[/] {r.Urn.Name}  {r.Id}  tenant {r.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty)}");
        }

        if (!yes && !await console.Error.ConfirmAsync($"Import these {adopted.Count} mapping(s) into the state?", defaultValue: false, cancellationToken))
        {
            console.Error.MarkupLine("Nothing was changed.");
            return ExitCodes.Ok;
        }

        await state.Store.WriteAsync(checkpoint with { Updated = DateTimeOffset.UtcNow, Resources = checkpoint.Resources.AddRange(adopted) }, cancellationToken);
        console.Error.MarkupLineInterpolated($"[green]Imported {adopted.Count} mapping(s) into the state of {stack.Stack}.[/]");

        var undeclared = adopted.Where(r => desired.Find(r.Id) is null).ToList();
        if (undeclared.Count == 0)
        {
            return ExitCodes.Ok;
        }

        var yaml = StackYamlWriter.Tenants(stack, undeclared);
        if (string.IsNullOrEmpty(outFile))
        {
            console.Out.Profile.Out.Writer.Write(yaml);
            console.Out.Profile.Out.Writer.Flush();
        }
        else
        {
            await File.WriteAllTextAsync(outFile, yaml, cancellationToken);
            console.Error.MarkupLineInterpolated($"Wrote the stack-file entries to {outFile}.");
        }

        console.Error.MarkupLineInterpolated($"[yellow]warning:[/] {undeclared.Count} imported mapping(s) are not in {stack.Stack}'s stack file yet: add the entries above, or the next up will delete them.");
        return ExitCodes.Ok;
    }
}
