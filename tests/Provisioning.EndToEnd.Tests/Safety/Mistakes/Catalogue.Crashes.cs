using System.Text;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "Crashes": every one of these ended in exit 134 and a .NET stack trace. Each is a catalogued diagnostic and an exit
/// code instead: bad flag values, credentials, output paths, empty or renamed project files, an unreachable backend,
/// deep nesting, huge values (whose message must stay short).
/// </summary>
internal static partial class Catalogue
{
    /// <summary>The variables the credential kinds read: cleared for the credential cases, so the machine's own never leak in.</summary>
    private static readonly string[] CredentialVariables =
    [
        "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE",
        "AZURE_USERNAME", "AZURE_PASSWORD", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
        "PROVISION_CREDENTIAL", "PROVISION_TRUST_CERT_THUMBPRINT",
    ];

    private static readonly string TenMegabytes = new('7', 10 * 1024 * 1024);

    private static IEnumerable<Mistake> Crashes()
    {
        foreach (var (what, args) in new[]
        {
            ("parallel-2x", Args([.. Up(), "-p", "2x"])),
            ("parallel-overflowing-an-int", Args([.. Up(), "--parallel", "99999999999"])),
            ("parallel-zero", Args([.. Preview(), "--parallel", "0"])),
            ("parallel-negative", Args([.. Preview(), "--parallel", "-5"])),
        })
        {
            yield return new Mistake($"crashes/{what}", args);
        }

        // Credentials: an unknown kind, or a kind whose variables are missing (the docs promise exit 2).
        yield return new Mistake("crashes/credential-bogus-on-a-custom-endpoint", [.. Up(), "--credential", "bogus"])
        {
            Host = MistakeHost.Default,
            Arrange = p => { ClearCredentials(p); p.UseEmulatorEndpoint(); },
        };
        yield return new Mistake("crashes/credential-bogus-on-the-local-cloud", [.. Preview(), "--credential", "bogus"])
        {
            Host = MistakeHost.Default,
            Arrange = ClearCredentials,
        };
        yield return new Mistake("crashes/credential-empty", [.. Up(), "--credential", ""])
        {
            Host = MistakeHost.Default,
            Arrange = p => { ClearCredentials(p); p.UseEmulatorEndpoint(); },
        };
        foreach (var (kind, present) in new[]
        {
            ("client-secret", Array.Empty<string>()),
            ("client-secret", ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"]),
            ("client-certificate", ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"]),
            ("workload-identity", ["AZURE_TENANT_ID"]),
            ("github-oidc", ["AZURE_TENANT_ID", "AZURE_CLIENT_ID"]),
        })
        {
            yield return new Mistake($"crashes/credential-{kind}-without-{(present.Length == 0 ? "any-variable" : "all-its-variables")}", [.. Up(), "--credential", kind])
            {
                Host = MistakeHost.Default,
                Arrange = p =>
                {
                    ClearCredentials(p);
                    foreach (var name in present)
                    {
                        p.SetEnvironment(name, name == "AZURE_TENANT_ID" ? "72f988bf-86f1-41af-91ab-2d7cd011db47" : "0c0d0e0f-1a1b-4c1d-8e1f-2a2b2c2d2e2f");
                    }

                    p.UseEmulatorEndpoint();
                },
            };
        }

        // Output files into a folder that is not there: refused before anything is sent or written.
        yield return new Mistake("crashes/save-plan-into-a-missing-directory", [.. Preview(), "--save-plan", "{dir}/missing/plan.json"])
        {
            Prepare = [Up()],
        };
        yield return new Mistake("crashes/import-out-into-a-missing-directory", "import", "--stack", "local", "--yes", "--out", "{dir}/missing/adopted.yaml")
        {
            // With something to adopt, so that a late failure would have rewritten the state first.
            Prepare = [Up()],
            Arrange = p => p.Emulator.Store.SeedMappings(MistakeStacks.RegistrationSubscription, "azurestack", "azurestack-west", [(TheirSubscription, NewTenant)]),
        };
        yield return new Mistake("crashes/stack-export-file-into-a-missing-directory", "stack", "export", "--stack", "local", "--file", "{dir}/missing/state.json")
        {
            Prepare = [Up()],
        };
        yield return new Mistake("crashes/export-out-onto-an-existing-file", "export", "--stack", "local", "--format", "bicep", "--out", "{dir}/a-file")
        {
            Arrange = p => p.Write("a-file", "not a folder"),
        };

        // Empty or renamed project and stack files.
        foreach (var (what, file, text) in new[]
        {
            ("zero-byte-stack-file", "Pulumi.local.yaml", string.Empty),
            ("comments-only-stack-file", "Pulumi.local.yaml", "# the local stack\n# nothing yet\n"),
            ("whitespace-only-stack-file", "Pulumi.local.yaml", "  \n\t\n\n"),
            ("document-marker-only-stack-file", "Pulumi.local.yaml", "---\n"),
            ("byte-order-mark-only-stack-file", "Pulumi.local.yaml", "\uFEFF"),
            ("config-null-stack-file", "Pulumi.local.yaml", "config:\n"),
            ("zero-byte-project-file", "Pulumi.yaml", string.Empty),
            ("comments-only-project-file", "Pulumi.yaml", "# tenant registrations\n"),
            ("project-file-without-a-name", "Pulumi.yaml", "runtime: provision\ndescription: no name\n"),
        })
        {
            yield return new Mistake($"crashes/{what}", Up())
            {
                Arrange = p => p.Write(file, text),
            };
        }

        foreach (var (what, name) in new[]
        {
            ("renamed-project", "renamed-registrations"),
            ("project-name-with-a-slash", "team/registrations"),
            ("project-name-climbing-out", "../../escape"),
            ("project-name-empty", "''"),
        })
        {
            yield return new Mistake($"crashes/{what}", [.. Up(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = p => p.Replace(p.ProjectFile, "name: tenant-registrations", $"name: {name}"),
            };
        }

        // Renamed throughout (project and stack keys) with the state still under the old name: that state is another
        // project's, refused; never silently orphaned (destroy finding "nothing") nor exported as this project's.
        foreach (var (verb, args) in new[] { ("destroy", Args([.. Destroy(), "--refresh=false"])), ("stack-export", Args("stack", "export", "--stack", "local")) })
        {
            yield return new Mistake($"crashes/project-renamed-throughout-with-the-old-state-left/{verb}", args)
            {
                Prepare = [Up()],
                Arrange = p =>
                {
                    p.Replace(p.ProjectFile, "name: tenant-registrations", "name: renamed-registrations");
                    p.Replace(p.StackFile(), "tenant-registrations:", "renamed-registrations:", all: true);
                },
            };
        }

        // The Azure Blob backend: unreachable (the environment: 1), or its connection string malformed.
        yield return new Mistake("crashes/unreachable-azure-blob-backend", Up())
        {
            Exit = 1,
            Arrange = p =>
            {
                p.Append(p.ProjectFile, "backend:\n  url: azblob://state/team\n");
                p.SetEnvironment("AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;");
            },
        };
        yield return new Mistake("crashes/malformed-storage-connection-string", Up())
        {
            Arrange = p =>
            {
                p.Append(p.ProjectFile, "backend:\n  url: azblob://state/team\n");
                p.SetEnvironment("AZURE_STORAGE_CONNECTION_STRING", "AccountName=devstoreaccount1;AccountKey=not base64!;BlobEndpoint=");
            },
        };

        // A malformed thumbprint to trust, for a custom endpoint on loopback.
        foreach (var (what, thumbprint) in new[] { ("not-hex", "zz-not-a-thumbprint"), ("wrong-length", "ABCD"), ("with-a-newline", "AB\nCD") })
        {
            yield return new Mistake($"crashes/trust-thumbprint-{what}", [.. Up(), "--credential", "local-emulator"])
            {
                Host = MistakeHost.Default,
                Arrange = p =>
                {
                    ClearCredentials(p);
                    p.SetEnvironment("PROVISION_TRUST_CERT_THUMBPRINT", thumbprint);
                    p.UseEmulatorEndpoint();
                },
            };
        }

        // Deep nesting: bounded before the YAML scanner overflows the stack (a real process: an overflow would end the test host).
        yield return new Mistake("crashes/nesting-depth-flow-sequences-in-the-stack-file", Up())
        {
            Host = MistakeHost.Process,
            Arrange = p => p.Replace(p.StackFile(), "registrations: [west, east, north]", "registrations: " + new string('[', 100_000) + new string(']', 100_000)),
        };
        yield return new Mistake("crashes/nesting-depth-flow-mappings-in-the-project-file", Up())
        {
            Host = MistakeHost.Process,
            Arrange = p => p.Append(p.ProjectFile, "template: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)) + "1" + new string('}', 50_000) + "\n"),
        };
        yield return new Mistake("crashes/nesting-depth-block-sequences-in-the-stack-file", Up())
        {
            Host = MistakeHost.Process,
            Arrange = p =>
            {
                var nested = new StringBuilder("\n");
                for (var i = 0; i < 20_000; i++)
                {
                    nested.Append('-', 1).Append(' ');
                }

                p.Replace(p.StackFile(), "registrations: [north]", "registrations:" + nested + "north");
            },
        };

        // A 10 MB value: refused with a message that stays short (stderr under 10 KB, checked for every case).
        foreach (var (what, old, replacement) in new[]
        {
            ("tenant-id", $"tenantId: {MistakeStacks.ContosoTenant}", $"tenantId: {TenMegabytes}"),
            ("registration-name", "name: azurestack-west", $"name: azurestack-{TenMegabytes}"),
            ("tenant-key", "    contoso:\n", $"    c{TenMegabytes}:\n"),
            ("cloud", "tenant-registrations:cloud: local", $"tenant-registrations:cloud: {TenMegabytes}"),
        })
        {
            yield return new Mistake($"crashes/ten-megabyte-{what}", Up())
            {
                Arrange = p => p.Replace(p.StackFile(), old, replacement),
            };
        }

        yield return new Mistake("crashes/ten-megabyte-stack-argument", "up", "--stack", "s" + TenMegabytes, "--yes");
    }

    private static IEnumerable<Mistake> Files()
    {
        // The work folder's shape is wrong: the environment is at fault (exit 1).
        foreach (var (what, path) in new[] { ("work-folder", ".provision"), ("stacks-folder", ".provision/stacks"), ("project-state-folder", ".provision/stacks/tenant-registrations") })
        {
            yield return new Mistake($"files/{what}-is-a-file/up", Up())
            {
                Exit = 1,
                Arrange = p => p.Write(path, "a file where a folder goes"),
            };
        }

        yield return new Mistake("files/work-folder-is-a-file/destroy", Destroy())
        {
            Exit = 1,
            Arrange = p => p.Write(".provision", "a file where a folder goes"),
        };

        foreach (var (what, path) in new[] { ("state", "local.json"), ("journal", "local.journal"), ("lock", "local.lock") })
        {
            foreach (var (verb, args) in new[] { ("up", Args([.. Up(), "--refresh=false"])), ("destroy", Args([.. Destroy(), "--refresh=false"])), ("preview", Args([.. Preview(), "--refresh=false"])) })
            {
                if (what == "lock" && verb == "preview")
                {
                    continue; // preview takes no lock
                }

                yield return new Mistake($"files/{what}-path-is-a-directory/{verb}", args)
                {
                    // With one mapping to delete, so that the run has something to record.
                    Exit = 1,
                    Prepare = [Up()],
                    Arrange = p =>
                    {
                        p.MakeDirectory($".provision/stacks/tenant-registrations/{path}");
                        p.Replace(p.StackFile(), "registrations: [west, north]", "registrations: [west]");
                    },
                };
            }
        }

        foreach (var (what, path, target) in new[]
        {
            ("dangling-state-symlink", "local.json", "{dir}/moved-away.json"),
            ("state-symlink-to-itself", "local.json", "local.json"),
            ("dangling-journal-symlink", "local.journal", "{dir}/moved-away.journal"),
        })
        {
            foreach (var (verb, args) in new[] { ("up", Args([.. Up(), "--refresh=false"])), ("preview", Args([.. Preview(), "--refresh=false"])) })
            {
                yield return new Mistake($"files/{what}/{verb}", args)
                {
                    Exit = 1,
                    Prepare = [Up()],
                    Arrange = p => p.Symlink($".provision/stacks/tenant-registrations/{path}", target.Replace("{dir}", p.Dir, StringComparison.Ordinal)),
                };
            }
        }

        // An input file that is a directory or a dangling link: it cannot be read (input, 2; 1 is accepted: the file system).
        foreach (var (what, path) in new[] { ("stack-file", "Pulumi.local.yaml"), ("project-file", "Pulumi.yaml") })
        {
            yield return new Mistake($"files/{what}-is-a-directory", Up())
            {
                OrExit = [1],
                Arrange = p => p.MakeDirectory(path),
            };
            yield return new Mistake($"files/{what}-is-a-dangling-symlink", Up())
            {
                OrExit = [1],
                Arrange = p => p.Symlink(path, p.At("gone.yaml")),
            };
        }

        foreach (var (what, args) in new[]
        {
            ("save-plan-path-is-a-directory", Args([.. Preview(), "--save-plan", "{dir}/plans"])),
            ("stack-export-file-is-a-directory", Args("stack", "export", "--stack", "local", "--file", "{dir}/plans")),
            ("stack-import-file-is-a-directory", Args("stack", "import", "--stack", "local", "--file", "{dir}/plans")),
            ("plan-file-is-a-directory", Args([.. Up(), "--plan", "{dir}/plans"])),
        })
        {
            yield return new Mistake($"files/{what}", args)
            {
                Prepare = [Up()],
                Arrange = p => p.MakeDirectory("plans"),
            };
        }
    }

    private static void ClearCredentials(MistakeProject p)
    {
        foreach (var name in CredentialVariables)
        {
            p.SetEnvironment(name, null);
        }
    }
}
