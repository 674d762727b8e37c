using static Provisioning.EndToEnd.Tests.Safety.Mistakes.MistakeStacks;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Sends values ARM sees as different": a value is used exactly as validated or refused. GUIDs with whitespace,
/// newlines, braces, no dashes, invisible characters; the nil GUID; unknown tags; URN collisions; project-level config
/// and backend values never silently ignored; credentials in a URL refused and never echoed.
/// </summary>
internal static partial class Catalogue
{
    /// <summary>A GUID written so that it reads like one but is not exactly its 36-character form.</summary>
    private static readonly (string What, Func<string, int, string> Write)[] NotExactlyAGuid =
    [
        ("surrounding-spaces-quoted", (g, _) => $"\" {g} \""),
        ("trailing-space-quoted", (g, _) => $"\"{g} \""),
        ("block-scalar-with-trailing-newline", (g, indent) => $"|\n{new string(' ', indent + 2)}{g}"),
        ("folded-scalar-with-trailing-newline", (g, indent) => $">\n{new string(' ', indent + 2)}{g}"),
        ("newline-escape", (g, _) => $"\"{g}\\n\""),
        ("tab-escape", (g, _) => $"\"\\t{g}\""),
        ("braces", (g, _) => $"\"{{{g}}}\""),
        ("parentheses", (g, _) => $"\"({g})\""),
        ("without-dashes", (g, _) => g.Replace("-", string.Empty, StringComparison.Ordinal)),
        ("non-breaking-space", (g, _) => $"\"\\_{g}\""),
        ("zero-width-space", (g, _) => $"\"{g}\\u200B\""),
        ("hash-glued-to-the-value", (g, _) => $"{g}#west"),
    ];

    private static IEnumerable<Mistake> Values()
    {
        var fields = new (string What, string Old, int Forms)[]
        {
            ("tenant-id", $"tenantId: {ContosoTenant}", NotExactlyAGuid.Length),
            ("registration-subscription-id", $"subscriptionId: {RegistrationSubscription}", NotExactlyAGuid.Length),
            ("customer-subscription-id", $"subscriptionId: {ContosoSubscription}", 6),
            ("per-registration-subscription-id", $"subscriptionId: {FabrikamEastSubscription}", 6),
        };
        foreach (var (field, old, forms) in fields)
        {
            foreach (var (form, write) in NotExactlyAGuid.Take(forms))
            {
                yield return new Mistake($"values/{field}-{form}", Up())
                {
                    Arrange = p => ReplaceValue(p, old, write),
                };
            }

            yield return new Mistake($"values/{field}-nil-guid", Up())
            {
                Arrange = p => ReplaceValue(p, old, (_, _) => "00000000-0000-0000-0000-000000000000"),
            };
        }

        // Unknown YAML tags are refused, never dropped.
        foreach (var (what, old, tagged) in new[]
        {
            ("on-a-tenant-id", $"tenantId: {ContosoTenant}", "tenantId: !Ref contoso-tenant"),
            ("on-a-valid-guid", $"tenantId: {ContosoTenant}", $"tenantId: !Ref {ContosoTenant}"),
            ("on-a-subscription-id", $"subscriptionId: {ContosoSubscription}", "subscriptionId: !GetAtt contoso.subscriptionId"),
            ("on-a-registration-list", "registrations: [west, east, north]", "registrations: !Sub [west, east, north]"),
            ("on-the-cloud", "tenant-registrations:cloud: local", "tenant-registrations:cloud: !Ref local"),
            ("on-a-tenant", "    contoso:\n", "    contoso: !Tenant\n"),
        })
        {
            yield return new Mistake($"values/unknown-tag-{what}", Up())
            {
                Arrange = p => p.Replace(p.StackFile(), old, tagged),
            };
        }

        // Keys whose joined names give one URN: registration a-b + tenant c and registration a + tenant b-c.
        foreach (var (what, registrations, tenants) in new[]
        {
            ("a-b+c-and-a+b-c", new[] { "a-b", "a" }, new[] { ("c", new[] { "a-b" }), ("b-c", new[] { "a" }) }),
            ("west-east+x-and-west+east-x", ["west-east", "west"], [("x", ["west-east"]), ("east-x", ["west"])]),
            ("north-west+contoso-and-north+west-contoso", ["north-west", "north"], [("west-contoso", ["north"]), ("contoso", ["north-west"])]),
        })
        {
            yield return new Mistake($"values/urn-collision-{what}", Up())
            {
                Arrange = p => p.Write(p.StackFile(), CollidingStack(registrations, tenants)),
            };
        }

        // Project-level config in Pulumi.yaml is honoured or refused, never ignored: either way these are errors.
        yield return new Mistake("values/project-level-config-with-an-invalid-cloud", Up())
        {
            Arrange = p =>
            {
                p.Replace(p.StackFile(), "  tenant-registrations:cloud: local\n", string.Empty);
                p.Append(p.ProjectFile, "config:\n  tenant-registrations:cloud: nowhere-cloud\n");
            },
        };
        yield return new Mistake("values/project-level-config-with-a-misspelled-key", Up())
        {
            Arrange = p => p.Append(p.ProjectFile, "config:\n  tenant-registrations:colud: AzureCloud\n"),
        };
        yield return new Mistake("values/project-level-config-in-pulumis-long-form-with-an-invalid-cloud", Up())
        {
            Arrange = p =>
            {
                p.Replace(p.StackFile(), "  tenant-registrations:cloud: local\n", string.Empty);
                p.Append(p.ProjectFile, "config:\n  tenant-registrations:cloud:\n    type: string\n    default: nowhere-cloud\n");
            },
        };

        // backend values are honoured or refused, never ignored.
        yield return new Mistake("values/backend-file-url-naming-a-file", [.. Destroy(), "--refresh=false"])
        {
            // Honoured: that path cannot hold state (1); refused (2). Ignored, the default state's mappings are deleted.
            Exit = 1,
            OrExit = [2],
            Prepare = [Up()],
            Arrange = p =>
            {
                p.Write("elsewhere", "not a folder");
                p.Append(p.ProjectFile, $"backend:\n  url: file://{p.At("elsewhere")}\n");
            },
        };
        foreach (var (what, backend) in new[]
        {
            ("azblob-without-a-container", "backend:\n  url: azblob://\n"),
            ("unknown-scheme", "backend:\n  url: s3://bucket/state\n"),
            ("empty-url", "backend:\n  url: ''\n"),
            ("unknown-field", "backend:\n  url: file://./state\n  kind: shared\n"),
            ("a-string-instead-of-a-mapping-with-spaces", "backend: ' file://./state '\n"),
        })
        {
            yield return new Mistake($"values/backend-{what}", [.. Destroy(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = p => p.Append(p.ProjectFile, backend),
            };
        }

        // Credentials in a URL: refused and never echoed.
        foreach (var (what, url, secret) in new[]
        {
            ("user-and-password", "https://operator:S3cretPa55@arm.example.com/", "S3cretPa55"),
            ("token-as-password", "https://:eyJ0eXAiOiJKV1QiS3cret@arm.example.com/", "eyJ0eXAiOiJKV1QiS3cret"),
            ("token-in-the-query", "https://arm.example.com/?access_token=Qs3cretT0ken", "Qs3cretT0ken"),
        })
        {
            yield return new Mistake($"values/cloud-url-with-{what}", Up())
            {
                Secret = secret,
                Arrange = p => p.Replace(p.StackFile(), "tenant-registrations:cloud: local", $"tenant-registrations:cloud: {url}\n  tenant-registrations:tokenScope: https://management.example.com/.default"),
            };
        }

        yield return new Mistake("values/backend-url-with-a-sas-signature", [.. Destroy(), "--refresh=false"])
        {
            Secret = "sig=Zs3cretSig",
            Prepare = [Up()],
            Arrange = p => p.Append(p.ProjectFile, "backend:\n  url: azblob://state/team?sv=2024-01-01&sig=Zs3cretSig\n"),
        };
        yield return new Mistake("values/backend-url-with-user-and-password", [.. Destroy(), "--refresh=false"])
        {
            Secret = "Bs3cretPa55",
            Prepare = [Up()],
            Arrange = p => p.Append(p.ProjectFile, "backend:\n  url: azblob://operator:Bs3cretPa55@state/team\n"),
        };

        // Other values ARM would read differently.
        foreach (var (what, old, replacement) in new[]
        {
            ("cloud-with-a-trailing-space", "tenant-registrations:cloud: local", "tenant-registrations:cloud: \"local \""),
            ("resource-group-with-a-trailing-space", "resourceGroup: azurestack\n      name: azurestack-west", "resourceGroup: \"azurestack \"\n      name: azurestack-west"),
            ("registration-name-with-a-trailing-newline", "name: azurestack-west", "name: \"azurestack-west\\n\""),
            ("registration-name-with-a-control-character", "name: azurestack-west", "name: \"azurestack-\\x07west\""),
            ("protect-yes", "registrations: [west, east, north]", "registrations: [west, east, north]\n      protect: yes"),
        })
        {
            yield return new Mistake($"values/{what}", Up())
            {
                Arrange = p => p.Replace(p.StackFile(), old, replacement),
            };
        }
    }

    /// <summary>Replaces <c>key: value</c> with the value written by <paramref name="write"/> (given the key's indentation).</summary>
    private static void ReplaceValue(MistakeProject p, string old, Func<string, int, string> write)
    {
        var text = p.Read(p.StackFile());
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"Arrange: '{old}' is not in the stack file");
        var lineStart = text.LastIndexOf('\n', at) + 1;
        var colon = old.IndexOf(": ", StringComparison.Ordinal);
        var replacement = old[..(colon + 2)] + write(old[(colon + 2)..], at - lineStart);
        p.Write(p.StackFile(), string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length)));
    }

    private static string CollidingStack(string[] registrations, (string Key, string[] On)[] tenants)
    {
        var text = new System.Text.StringBuilder("config:\n  tenant-registrations:cloud: local\n  tenant-registrations:registrations:\n");
        var n = 0;
        foreach (var r in registrations)
        {
            text.Append($"    {r}:\n      subscriptionId: {RegistrationSubscription}\n      resourceGroup: azurestack\n      name: azurestack-stamp{++n}\n");
        }

        text.Append("  tenant-registrations:tenants:\n");
        var t = 0;
        foreach (var (key, on) in tenants)
        {
            t++;
            text.Append($"    {key}:\n      tenantId: 1111111{t}-aaaa-4aaa-8aaa-11111111111{t}\n      subscriptionId: 2222222{t}-bbbb-4bbb-8bbb-22222222222{t}\n      registrations: [{string.Join(", ", on)}]\n");
        }

        return text.ToString();
    }
}
