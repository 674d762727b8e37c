namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Silent mass delete": a stack file cut off after the registrations, a null or emptied tenants section, most tenants
/// gone at once. A missing or null tenants section is an error; an up that would delete more than half of what the
/// stack manages needs --allow-mass-delete. Deleting everything is what destroy is for.
/// </summary>
internal static partial class Catalogue
{
    private const string TenantsKey = "  tenant-registrations:tenants:";

    private static IEnumerable<Mistake> MassDelete()
    {
        foreach (var (verb, args) in new[]
        {
            ("up", Args([.. Up(), "--refresh=false"])),
            ("up-with-refresh", Up()),
            ("preview", Args([.. Preview(), "--refresh=false"])),
        })
        {
            yield return new Mistake($"mass-delete/stack-file-cut-off-after-the-registrations/{verb}", args)
            {
                Prepare = [Up()],
                Arrange = p => p.CutAt(p.StackFile(), TenantsKey),
            };
            yield return new Mistake($"mass-delete/tenants-left-null/{verb}", args)
            {
                Prepare = [Up()],
                Arrange = p => Tenants(p, string.Empty),
            };
        }

        foreach (var (what, value) in new[] { ("tilde", "~"), ("null-word", "null"), ("empty-mapping", "{}"), ("empty-sequence", "[]"), ("empty-string", "''") })
        {
            yield return new Mistake($"mass-delete/tenants-{what}/up", [.. Up(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = p => Tenants(p, value),
            };
        }

        yield return new Mistake("mass-delete/every-tenant-commented-out/up", [.. Up(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p =>
            {
                var text = p.Read(p.StackFile());
                var at = text.IndexOf(TenantsKey, StringComparison.Ordinal) + TenantsKey.Length + 1;
                p.Write(p.StackFile(), text[..at] + string.Join('\n', text[at..].Split('\n').Select(l => l.Length == 0 ? l : "#" + l)));
            },
        };
        yield return new Mistake("mass-delete/tenants-key-misspelled/up", [.. Up(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.Replace(p.StackFile(), TenantsKey, "  tenant-registrations:tenant:"),
        };
        yield return new Mistake("mass-delete/tenants-key-in-another-namespace/up", [.. Up(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.Replace(p.StackFile(), TenantsKey, "  tenant-registration:tenants:"),
        };
        yield return new Mistake("mass-delete/stack-file-cut-off-in-the-middle-of-the-tenants/up", [.. Up(), "--refresh=false"])
        {
            // contoso's 3 mappings kept, the other 5 of 8 would go.
            Prepare = [Up()],
            Arrange = p => p.CutAt(p.StackFile(), "    fabrikam:"),
        };
        yield return new Mistake("mass-delete/more-than-half-of-the-tenants-removed/up", [.. Up(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p =>
            {
                p.CutAt(p.StackFile(), "    contoso:");
                p.Append(p.StackFile(), $"    tailspin:\n      tenantId: ae97ba94-d0ed-482f-8f6d-05584ef8aa38\n      subscriptionId: 923a7369-94e3-4f91-9a61-dbe22e44158b\n      registrations: [west]\n");
            },
        };
        yield return new Mistake("mass-delete/more-than-half-of-the-tenants-removed/up-with-refresh", Up())
        {
            // The guard may need ARM's list to count: reads allowed, never a DELETE.
            Reads = true,
            Prepare = [Up()],
            Arrange = p =>
            {
                p.CutAt(p.StackFile(), "    contoso:");
                p.Append(p.StackFile(), $"    northwind:\n      tenantId: {MistakeStacks.NorthwindTenant}\n      subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc\n      registrations: [north]\n");
            },
        };
        yield return new Mistake("mass-delete/every-tenant-lists-no-registration/up", [.. Up(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p =>
            {
                p.Replace(p.StackFile(), "registrations: [west, east, north]", "registrations: []");
                p.Replace(p.StackFile(), "registrations:\n        - west\n        - registration: east\n          subscriptionId: 0fd630f1-f29d-4da9-953f-48f1a09f76b5", "registrations: []");
                p.Replace(p.StackFile(), "registrations: [north]", "registrations: []");
                p.Replace(p.StackFile(), "registrations: [west, north]", "registrations: []");
            },
        };
        yield return new Mistake("mass-delete/tenants-indented-into-the-registrations/up", [.. Up(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.Replace(p.StackFile(), TenantsKey, "    tenant-registrations:tenants:"),
        };
    }

    /// <summary>Replaces the whole tenants section with <c>tenants: {value}</c>.</summary>
    private static void Tenants(MistakeProject p, string value)
    {
        p.CutAt(p.StackFile(), TenantsKey);
        p.Append(p.StackFile(), $"{TenantsKey} {value}\n".Replace(": \n", ":\n", StringComparison.Ordinal));
    }
}
