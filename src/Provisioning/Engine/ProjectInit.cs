using Provisioning.Model;
using System.Globalization;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Engine;

/// <summary>
/// <c>provision init</c>: writes <c>Pulumi.yaml</c> (unless one naming the project is there) and <c>Pulumi.&lt;stack&gt;.yaml</c> —
/// a starter that declares nothing, or, with <see cref="InitOptions.FromAzure"/>, every registration of the subscriptions
/// given and every mapping under them — and then records those mappings in the stack's state with the engine's import, so
/// that the next preview finds nothing to change. Every input is checked before anything is read from ARM or written; what
/// is written is first read back by the stack file reader.
/// </summary>
public static partial class ProjectInit
{
    /// <summary>Runs init in <paramref name="directory"/> (created when missing); throws a <see cref="DiagnosticException"/> naming every problem, with nothing written.</summary>
    public static async Task<InitResult> InitAsync(string directory, InitOptions options, WorkspaceOptions? workspace = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(options);
        workspace ??= new WorkspaceOptions();
        var folder = Path.GetFullPath(directory);
        var checkedInput = Check(folder, options);
        var observer = workspace.Observer;
        var stackFile = StackLoader.StackFileName(options.Stack);
        var text = checkedInput.StarterText;
        var result = new InitResult(options.Project, options.Stack, Path.Combine(folder, stackFile), checkedInput.ProjectText is not null);

        if (options.FromAzure)
        {
            var (fleetText, registrations, tenants, mappings) = await ReadFleetAsync(folder, options, checkedInput, workspace, cancellationToken).ConfigureAwait(false);
            text = fleetText;
            result = result with { Registrations = registrations, Tenants = tenants, Mappings = mappings };
        }

        Write(folder, checkedInput.ProjectText, stackFile, text);
        observer.OnMessage(checkedInput.ProjectText is null
            ? $"Wrote {stackFile} (Pulumi.yaml names the project {options.Project} and was kept)."
            : $"Wrote {StackLoader.ProjectFileName} and {stackFile}.", warning: false);
        if (result.Mappings == 0)
        {
            return result;
        }

        // The mappings exist in Azure exactly as the file declares them: recording them is an import, which sends no PUT.
        observer.OnMessage(string.Create(CultureInfo.InvariantCulture, $"Recording the {result.Mappings} mapping(s) in the state of {options.Stack} (an import: no PUT or DELETE is sent)."), warning: false);
        var import = await new Workspace(folder, workspace).Stack(options.Stack).ImportAsync(new ImportOptions { Yes = true }, cancellationToken).ConfigureAwait(false);
        return result with { Import = import };
    }

    /// <summary>Lists the fleet, names it and renders the stack file, read back before anything is written.</summary>
    private static async Task<(string Text, int Registrations, int Tenants, int Mappings)> ReadFleetAsync(
        string folder, InitOptions options, CheckedInput input, WorkspaceOptions workspace, CancellationToken cancellationToken)
    {
        var stackFile = StackLoader.StackFileName(options.Stack);
        var providers = workspace.Providers ?? throw new InvalidOperationException("init --from-azure needs WorkspaceOptions.Providers to reach ARM.");
        var subscriptions = options.Subscriptions.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var where = $"subscription(s) {string.Join(", ", subscriptions)}{(options.ResourceGroup is null ? string.Empty : $", resource group {options.ResourceGroup}")}";
        IReadOnlyList<Model.ArmResourceId> registrationIds;
        IReadOnlyList<ObservedResource> found;
        await using (var connection = await providers.ConnectAsync(input.Starter, WorkFolder.For(folder, input.Starter), cancellationToken).ConfigureAwait(false))
        {
            var endpoint = string.Equals(input.Starter.Cloud.Name, connection.Endpoint, StringComparison.OrdinalIgnoreCase) ? connection.Endpoint : $"{input.Starter.Cloud.Name} ({connection.Endpoint})";
            workspace.Observer.OnMessage($"Reading the Microsoft.AzureStack registrations of {where} from {endpoint}.", warning: false);
            (registrationIds, found) = await FleetDiscovery.DiscoverAsync(connection, subscriptions, options.ResourceGroup, workspace.Observer, cancellationToken).ConfigureAwait(false);
        }

        if (registrationIds.Count == 0)
        {
            throw new DiagnosticException(DiagnosticCatalog.InitNoRegistrations($"{where} on {input.Starter.Cloud.Name}"));
        }

        var registrations = FleetDeclaration.Registrations(registrationIds, stackFile);
        var tenants = FleetDeclaration.Tenants(input.Starter with { Registrations = registrations }, found, out var skipped);
        if (skipped > 0)
        {
            workspace.Observer.OnMessage(string.Create(CultureInfo.InvariantCulture, $"{skipped} mapping(s) name no tenant id and are not declared; preview lists them as unmanaged."), warning: true);
        }

        var mappings = tenants.Sum(t => t.Registrations.Count);
        var header = new[]
        {
            $"Stack '{options.Stack}' of project '{options.Project}', written by provision init --from-azure from {where}:",
            string.Create(CultureInfo.InvariantCulture, $"{registrations.Count} registration(s), {tenants.Count} tenant(s), {mappings} mapping(s), recorded in the stack's state as they are."),
            "Registration keys come from the registration names, tenant keys from the tenant ids; both name the resources in the",
            "state, so rename one only together with its state (or keep them). Add, change or remove tenants, then provision preview.",
        };
        var text = StackFileText.Fleet(options.Project, input.CloudText ?? input.Starter.Cloud.Name, registrations, tenants, header);
        if (input.CloudText is null)
        {
            text = WithoutCloudLine(text, options.Project);
        }

        var readBack = StackLoader.Parse(StackLoader.ProjectFileName, input.ProjectText ?? input.KeptProjectText!, stackFile, text, options.Stack);
        if (readBack.HasErrors)
        {
            var errors = readBack.Diagnostics.Where(d => d.Level == Severity.Error).ToList();
            throw new DiagnosticException([DiagnosticCatalog.InitFleetNotDeclarable(stackFile, errors.Count), .. errors]);
        }

        return (text, registrations.Count, tenants.Count, mappings);
    }

    /// <summary>The stack file without its cloud line: the project file's default cloud applies.</summary>
    private static string WithoutCloudLine(string text, string project)
    {
        var line = $"  {StackFileText.Scalar(project + ":cloud")}: ";
        var start = text.IndexOf("\n" + line, StringComparison.Ordinal);
        return start < 0 ? text : text.Remove(start + 1, text.IndexOf('\n', start + 1) - start);
    }

    /// <summary>Writes the project file (when it is to be written), then the stack file, each through a temporary file.</summary>
    private static void Write(string folder, string? projectText, string stackFile, string text)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.InitWriteFailed(folder, e.Message, "Nothing was written."), e);
        }

        if (projectText is not null)
        {
            WriteFile(Path.Combine(folder, StackLoader.ProjectFileName), projectText, "Nothing was written.");
        }

        WriteFile(Path.Combine(folder, stackFile), text, projectText is null ? "Nothing was written." : $"{StackLoader.ProjectFileName} was written; run init again with --force once the cause is fixed.");
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> at once: a reader never sees half a file.</summary>
    internal static void WriteFile(string path, string text, string written)
    {
        var temporary = path + ".provision-tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new DiagnosticException(DiagnosticCatalog.InitWriteFailed(Path.GetFileName(path), e.Message, written), e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is named as such.
        }
    }
}
