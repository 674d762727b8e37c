using System.Text;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Engine;

/// <summary>
/// <c>import --write</c>: adds what an import adopts to the stack file itself, in place (<see cref="StackFileEditor"/>), so
/// that the next preview finds nothing to change. The edited text is read back before it is written: it must be a valid
/// stack that declares every adopted mapping under the very URN the import records; otherwise nothing is written.
/// </summary>
public static class StackFileImport
{
    /// <summary>
    /// The tenant entries the stack file lacks for <paramref name="adopted"/>: one per tenant key the adopted URNs use
    /// (<c>&lt;registration&gt;-&lt;tenant&gt;</c>), registrations in the stack's order, ids in lower case. Mappings the stack
    /// already declares need none.
    /// </summary>
    public static IReadOnlyList<TenantEntry> EntriesFor(StackDefinition stack, IEnumerable<ResourceState> adopted)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(adopted);
        var desired = stack.Expand();
        var order = stack.Registrations.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var found = new List<FoundMapping>();
        foreach (var resource in adopted.Where(r => desired.Find(r.Id) is null))
        {
            var tenantId = resource.Properties.GetValueOrDefault(TenantRegistration.TenantIdProperty) ?? string.Empty;
            if (AdoptedNames.RegistrationOf(stack, resource.Id) is not { } registration)
            {
                continue;
            }

            var name = resource.Urn.Name;
            var key = name.StartsWith(registration.Key + "-", StringComparison.Ordinal) ? name[(registration.Key.Length + 1)..] : AdoptedNames.TenantKey(stack, tenantId);
            found.Add(new FoundMapping(key, tenantId.ToLowerInvariant(), registration.Key, resource.Id.Name.ToLowerInvariant()));
        }

        return TenantEntry.Group(found.OrderBy(f => order[f.RegistrationKey]));
    }

    /// <summary>
    /// Adds the entries for <paramref name="adopted"/> to the stack file of <paramref name="stack"/> in
    /// <paramref name="directory"/>; returns how many tenants were added or extended (0: the file already declares every
    /// mapping, and is not touched). Throws a <see cref="DiagnosticException"/> when the file cannot be edited in place
    /// (PRV250), would be invalid or miss a mapping (PRV251), belongs to a C# program (PRV252), or cannot be written (PRV249).
    /// </summary>
    public static int Write(string directory, StackDefinition stack, IReadOnlyList<ResourceState> adopted)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(adopted);
        var file = StackLoader.StackFileName(stack.Stack);
        var loaded = StackLoader.Load(directory, stack.Stack);
        if (loaded.Program is not null)
        {
            throw new DiagnosticException(DiagnosticCatalog.ImportWriteNeedsYamlStack(file));
        }

        var entries = EntriesFor(stack, adopted);
        if (entries.Count == 0)
        {
            return 0;
        }

        var path = Path.Combine(directory, file);
        var (text, bom) = Read(path, file);
        var edit = StackFileEditor.AddTenants(text, file, stack.Project, entries);
        if (edit.Problems.Count > 0)
        {
            throw new DiagnosticException(edit.Problems);
        }

        var projectText = Read(Path.Combine(directory, StackLoader.ProjectFileName), StackLoader.ProjectFileName).Text;
        Check(StackLoader.Parse(StackLoader.ProjectFileName, projectText, file, edit.Text, stack.Stack), file, adopted);
        ProjectInit.WriteFile(path, bom + edit.Text, "The stack file was not changed and nothing was imported.");
        return entries.Count;
    }

    /// <summary>The edited file must load without error and declare every adopted mapping under the URN the state will record.</summary>
    private static void Check(StackLoadResult edited, string file, IReadOnlyList<ResourceState> adopted)
    {
        if (edited.HasErrors)
        {
            var errors = edited.Diagnostics.Where(d => d.Level == Severity.Error).ToList();
            throw new DiagnosticException([DiagnosticCatalog.StackFileEditInvalid(SourceSpan.WholeFile(file), $"is invalid ({errors.Count} error(s) follow)"), .. errors]);
        }

        var desired = edited.Stack!.Expand();
        foreach (var resource in adopted)
        {
            if (desired.Find(resource.Id) is not { } declared)
            {
                throw new DiagnosticException(DiagnosticCatalog.StackFileEditInvalid(SourceSpan.WholeFile(file), $"does not declare {resource.Id}"));
            }

            if (declared.Urn.Value != resource.Urn.Value)
            {
                throw new DiagnosticException(DiagnosticCatalog.StackFileEditInvalid(SourceSpan.WholeFile(file), $"declares {resource.Id} as {declared.Urn.Name}, while the state records it as {resource.Urn.Name}"));
            }
        }
    }

    /// <summary>A file's text and its byte order mark (kept when written back).</summary>
    private static (string Text, string Bom) Read(string path, string file)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)), bom ? "\uFEFF" : string.Empty);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new DiagnosticException(DiagnosticCatalog.FileUnreadable(file, e.Message), e);
        }
    }
}
