using Provisioning.Model;
using Provisioning.State;
using static Provisioning.EndToEnd.Tests.Safety.Mistakes.MistakeStacks;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Deletes what it must never touch": an id outside the stack's blast radius in the state, the journal, a saved plan or
/// a state import; a state or journal of another stack or project; import adopting what a sibling stack manages.
/// Every such input is refused before any request (exit 2, naming it).
/// </summary>
internal static partial class Catalogue
{
    /// <summary>Ids no run of the stack may ever PUT or DELETE, whatever the state says.</summary>
    private static readonly (string What, string Id, string Type)[] OutsideTheBlastRadius =
    [
        ("the-registration-itself", WestId, "Microsoft.AzureStack/registrations"),
        ("the-registration-typed-as-a-mapping", WestId, MappingType),
        ("a-mapping-under-an-undeclared-registration", Mapping("azurestack-other", "5f1e2d3c-4b5a-4968-8776-655443322110"), MappingType),
        ("a-mapping-under-a-registration-of-another-subscription", Mapping("azurestack-west", "5f1e2d3c-4b5a-4968-8776-655443322111", registrationSubscription: "11111111-2222-4333-8444-555555555555"), MappingType),
        ("a-mapping-under-another-resource-group", Mapping("azurestack-west", "5f1e2d3c-4b5a-4968-8776-655443322112", group: "other-group"), MappingType),
        ("the-resource-group", $"/subscriptions/{RegistrationSubscription}/resourceGroups/azurestack", "Microsoft.Resources/resourceGroups"),
        ("the-subscription", $"/subscriptions/{RegistrationSubscription}", "Microsoft.Resources/subscriptions"),
        ("a-virtual-machine", $"/subscriptions/{RegistrationSubscription}/resourceGroups/azurestack/providers/Microsoft.Compute/virtualMachines/vm1", "Microsoft.Compute/virtualMachines"),
        ("a-product-of-the-registration", $"{WestId}/products/microsoft.windowsserver2019", "Microsoft.AzureStack/registrations/products"),
        ("a-child-below-a-mapping", $"{Mapping("azurestack-west", ContosoSubscription)}/extensions/x", MappingType),
    ];

    private static IEnumerable<Mistake> Deletes()
    {
        // 1. The state file holds an id outside the blast radius (hand-edited; the checksum is valid).
        foreach (var (what, id, type) in OutsideTheBlastRadius)
        {
            var entry = Entry(id, "foreign-" + what, type);
            yield return new Mistake($"deletes/state-holds-{what}/destroy", [.. Destroy(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = p => p.EditState(c => c with { Resources = c.Resources.Add(entry) }),
            };
            yield return new Mistake($"deletes/state-holds-{what}/up", [.. Up(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = p => p.EditState(c => c with { Resources = c.Resources.Add(entry) }),
            };
        }

        yield return new Mistake("deletes/state-holds-the-registration/preview", [.. Preview(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.EditState(c => c with { Resources = c.Resources.Add(Entry(WestId, "west", "Microsoft.AzureStack/registrations")) }),
        };
        yield return new Mistake("deletes/state-holds-the-registration/destroy-with-refresh", Destroy())
        {
            Prepare = [Up()],
            Arrange = p => p.EditState(c => c with { Resources = c.Resources.Add(Entry(WestId, "west", "Microsoft.AzureStack/registrations")) }),
        };
        yield return new Mistake("deletes/state-mapping-moved-to-the-registration-id/destroy", [.. Destroy(), "--refresh=false"])
        {
            // An existing entry whose id was edited to the registration's: same URN, one resource fewer under it.
            Prepare = [Up()],
            Arrange = p => p.EditState(c => c with { Resources = c.Resources.SetItem(0, MistakeProject.WithId(c.Resources[0], WestId)) }),
        };

        // 2. The journal holds such an id (records with valid line hashes, sequences after the snapshot's).
        foreach (var (what, id, type) in OutsideTheBlastRadius.Take(3))
        {
            yield return new Mistake($"deletes/journal-sets-{what}/destroy", [.. Destroy(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = p => p.AppendJournal([new JournalRecord(1_000, JournalRecordKind.Set, ArmResourceId.Parse(id), Resource: Entry(id, "journal-" + what, type))]),
            };
        }

        yield return new Mistake("deletes/journal-pending-delete-of-the-registration/up", Up())
        {
            // A pending DELETE is resolved by reading the resource back: the registration is not the stack's to read or delete.
            Prepare = [Up()],
            Arrange = p => p.AppendJournal([new JournalRecord(1_000, JournalRecordKind.Intent, ArmResourceId.Parse(WestId), JournalOperation.Delete, Entry(WestId, "west", "Microsoft.AzureStack/registrations"))]),
        };

        // 3. `stack import` of a state file that holds such an id: refused, the state left as it was.
        foreach (var (what, id, type) in OutsideTheBlastRadius.Take(3))
        {
            yield return new Mistake($"deletes/stack-import-of-{what}", "stack", "import", "--stack", "local", "--file", "{dir}/evil.json")
            {
                Prepare = [Up()],
                Arrange = p =>
                {
                    var resources = p.Resources().Add(Entry(id, "imported-" + what, type));
                    MistakeProject.WriteState(new Checkpoint(Project, "local", DateTimeOffset.UnixEpoch, resources) { Sequence = 100 }, p.At("evil.json"));
                },
            };
        }

        yield return new Mistake("deletes/stack-import-of-another-stacks-state", "stack", "import", "--stack", "local", "--file", "{dir}/.provision/stacks/tenant-registrations/prod.json")
        {
            Prepare = [Up(), Up("prod")],
        };
        yield return new Mistake("deletes/stack-import-of-another-projects-state", "stack", "import", "--stack", "local", "--file", "{dir}/other.json")
        {
            Prepare = [Up()],
            Arrange = p => MistakeProject.WriteState(new Checkpoint("other-project", "local", DateTimeOffset.UnixEpoch, p.Resources()) { Sequence = 5 }, p.At("other.json")),
        };

        // 4. A state copied from another stack (`cp prod.json local.json`), as is or with its stack field edited.
        foreach (var (verb, args) in new[]
        {
            ("destroy", Args([.. Destroy(), "--refresh=false"])),
            ("up", Args([.. Up(), "--refresh=false"])),
            ("preview", Args([.. Preview(), "--refresh=false"])),
            ("refresh", Args("refresh", "--stack", "local", "--yes")),
            ("import", Args("import", "--stack", "local", "--yes")),
            ("destroy-with-refresh", Destroy()),
        })
        {
            yield return new Mistake($"deletes/state-copied-from-another-stack/{verb}", args)
            {
                Prepare = [Up(), Up("prod")],
                Arrange = p => p.Copy(p.StatePath("prod"), p.StatePath("local")),
            };
        }

        foreach (var (verb, args) in new[] { ("destroy", Args([.. Destroy(), "--refresh=false"])), ("preview", Args([.. Preview(), "--refresh=false"])) })
        {
            yield return new Mistake($"deletes/state-copied-from-another-stack-stack-field-edited/{verb}", args)
            {
                // The stack field must be covered by the checksum: edited, the file is refused.
                Prepare = [Up(), Up("prod")],
                Arrange = p =>
                {
                    p.Copy(p.StatePath("prod"), p.StatePath("local"));
                    p.Replace(p.StatePath("local"), "\"stack\":\"prod\"", "\"stack\":\"local\"");
                },
            };
        }

        yield return new Mistake("deletes/state-copied-from-another-stack-urns-edited/destroy", [.. Destroy(), "--refresh=false"])
        {
            Prepare = [Up(), Up("prod")],
            Arrange = p =>
            {
                p.Copy(p.StatePath("prod"), p.StatePath("local"));
                p.Replace(p.StatePath("local"), "\"stack\":\"prod\"", "\"stack\":\"local\"");
                p.Replace(p.StatePath("local"), "urn:pulumi:prod::", "urn:pulumi:local::", all: true);
            },
        };
        yield return new Mistake("deletes/state-of-another-project/destroy", [.. Destroy(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.EditState(c => c with { Project = "other-project" }),
        };
        yield return new Mistake("deletes/state-with-the-stack-name-in-other-case/destroy", [.. Destroy(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.EditState(c => c with { Stack = "LOCAL" }),
        };
        yield return new Mistake("deletes/state-sequence-edited/destroy", [.. Destroy(), "--refresh=false"])
        {
            // The sequence decides which journal records replay: it must be covered by the checksum.
            Prepare = [Up()],
            Arrange = p => p.Replace(p.StatePath(), "\"sequence\":", "\"sequence\":9"),
        };
        yield return new Mistake("deletes/state-version-1-without-checksum-from-another-stack/destroy", [.. Destroy(), "--refresh=false"])
        {
            // An old, unchecksummed file is migrated explicitly, never trusted as it is.
            Prepare = [Up(), Up("prod")],
            Arrange = p =>
            {
                var text = p.Read(p.StatePath("prod"));
                text = text.Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal).Replace("\"stack\":\"prod\"", "\"stack\":\"local\"", StringComparison.Ordinal);
                p.Write(p.StatePath("local"), text[..text.IndexOf(",\"checksum\"", StringComparison.Ordinal)] + "}");
            },
        };

        // 5. Another stack's journal records appended to this stack's journal.
        foreach (var (verb, args) in new[]
        {
            ("destroy", Args([.. Destroy(), "--refresh=false"])),
            ("up", Args([.. Up(), "--refresh=false"])),
            ("preview", Args([.. Preview(), "--refresh=false"])),
        })
        {
            yield return new Mistake($"deletes/journal-of-another-stack-appended/{verb}", args)
            {
                Prepare = [Up(), Up("prod")],
                Arrange = p => p.AppendJournal(p.Resources("prod").Select((r, i) => new JournalRecord(1_000 + i, JournalRecordKind.Set, r.Id, Resource: r))),
            };
        }

        yield return new Mistake("deletes/journal-of-another-project-appended/destroy", [.. Destroy(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.AppendJournal([new JournalRecord(1_000, JournalRecordKind.Set, ArmResourceId.Parse(Mapping("azurestack-west", WoodgroveSubscription)),
                Resource: Entry(Mapping("azurestack-west", WoodgroveSubscription), "west-woodgrove") with { Urn = Urn.Create("local", "other-project", "azure-native:azurestack:CustomerSubscription", "west-woodgrove") })]),
        };

        // 6. A saved plan that is not this stack's, or that names an id outside the blast radius.
        yield return new Mistake("deletes/plan-of-another-stack", "up", "--stack", "local", "--yes", "--plan", "{dir}/prod.plan")
        {
            Prepare = [Up(), Up("prod"), ["preview", "--stack", "prod", "--save-plan", "{dir}/prod.plan"]],
        };
        yield return new Mistake("deletes/plan-with-its-stack-field-edited", "up", "--stack", "local", "--yes", "--plan", "{dir}/prod.plan")
        {
            Prepare = [Up(), ["preview", "--stack", "prod", "--save-plan", "{dir}/prod.plan"]],
            Arrange = p => p.Replace(p.At("prod.plan"), "\"stack\": \"prod\"", "\"stack\": \"local\""),
        };
        yield return new Mistake("deletes/plan-with-a-delete-of-the-registration", "up", "--stack", "local", "--yes", "--plan", "{dir}/local.plan")
        {
            Prepare = [Up(), ["preview", "--stack", "local", "--save-plan", "{dir}/local.plan"]],
            Arrange = p => p.Replace(p.At("local.plan"), "\"steps\": []", $$"""
                "steps": [ { "action": "delete", "address": "urn:pulumi:local::tenant-registrations::azure-native:azurestack:Registration::west", "id": "{{WestId}}", "after": null } ]
                """),
        };
        yield return new Mistake("deletes/plan-of-another-project", "up", "--stack", "local", "--yes", "--plan", "{dir}/local.plan")
        {
            Prepare = [Up(), ["preview", "--stack", "local", "--save-plan", "{dir}/local.plan"]],
            Arrange = p => p.Replace(p.At("local.plan"), "\"project\": \"tenant-registrations\"", "\"project\": \"other-project\""),
        };

        // 7. import adopts what the sibling stack prod manages; the next up of local must not delete it.
        yield return new Mistake("deletes/import-adopts-a-sibling-stacks-mappings/then-up", Up())
        {
            Exit = 0,
            Reads = true,
            Prepare = [Up(), Up("prod"), ["import", "--stack", "local", "--yes"]],
        };
        yield return new Mistake("deletes/import-adopts-a-sibling-stacks-mappings/then-preview", [.. Preview(), "--refresh=false"])
        {
            Exit = 0,
            Prepare = [Up(), Up("prod"), ["import", "--stack", "local", "--yes"]],
            Forbidden = $@"^\s*- .*customerSubscriptions/({WoodgroveSubscription}|3f98e277-4cbd-47ad-9c90-a9587403e430)",
        };
        yield return new Mistake("deletes/import-adopts-a-sibling-stacks-mappings/then-stack-export", [.. Preview(), "--refresh=false"])
        {
            // After the import, the state of local holds nothing that prod manages.
            Exit = 0,
            Prepare = [Up(), Up("prod"), ["import", "--stack", "local", "--yes"], ["stack", "export", "--stack", "local", "--file", "{dir}/exported.json"]],
            Arrange = p => Assert.DoesNotContain(WoodgroveSubscription, p.Read(p.At("exported.json")), StringComparison.OrdinalIgnoreCase),
        };
    }
}
