namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// Flags people get wrong: unknown verbs and options, empty or path-like names, missing folders, saved plans that are
/// missing, garbage, of another stack, or combined with flags they carry themselves; output paths onto input files.
/// Each is bad input: a diagnostic naming the command line, exit 2, nothing sent.
/// </summary>
internal static partial class Catalogue
{
    private static IEnumerable<Mistake> Flags()
    {
        foreach (var (what, args) in new[]
        {
            ("unknown-verb", Args("upp", "--stack", "local", "--yes")),
            ("unknown-option", Args([.. Up(), "--yse"])),
            ("target-empty", Args([.. Up(), "--target", ""])),
            ("target-blank", Args([.. Up(), "--target", "   "])),
            ("stack-empty", Args("up", "--stack", "", "--yes")),
            ("stack-with-a-slash", Args("up", "--stack", "team/local", "--yes")),
            ("stack-dot-dot", Args("up", "--stack", "..", "--yes")),
            ("stack-climbing-out", Args("up", "--stack", "../local", "--yes")),
            ("stack-absolute-path", Args("up", "--stack", "/etc/passwd", "--yes")),
            ("stack-with-a-trailing-space", Args("up", "--stack", "local ", "--yes")),
            ("stack-with-a-newline", Args("up", "--stack", "local\nprod", "--yes")),
            ("stack-that-has-no-file", Args("up", "--stack", "staging", "--yes")),
            ("stack-given-twice", Args("up", "--stack", "local", "--stack", "prod", "--yes")),
            ("refresh-maybe", Args([.. Up(), "--refresh", "maybe"])),
            ("json-up-without-yes", Args("up", "--stack", "local", "--json")),
            ("parallel-without-a-value", Args([.. Preview(), "--parallel"])),
            ("parallel-above-the-limit", Args([.. Preview(), "--parallel", "1001"])),
            ("extra-argument", Args([.. Preview(), "everything"])),
            ("prune-on-destroy", Args([.. Destroy(), "--prune"])),
            ("export-unknown-format", Args("export", "--stack", "local", "--format", "yaml")),
            ("export-without-a-stack", Args("export", "--format", "bicep")),
            ("stack-import-without-a-file", Args("stack", "import", "--stack", "local")),
            ("save-plan-empty", Args([.. Preview(), "--save-plan", ""])),
            ("plan-missing-file", Args([.. Up(), "--plan", "{dir}/missing.plan"])),
            ("plan-empty-path", Args([.. Up(), "--plan", ""])),
        })
        {
            yield return new Mistake($"flags/{what}", args);
        }

        yield return new Mistake("flags/cwd-missing-directory", "up", "--stack", "local", "--yes", "--cwd", "{dir}/missing") { Cwd = false };
        yield return new Mistake("flags/cwd-is-a-file", "up", "--stack", "local", "--yes", "--cwd", "{dir}/Pulumi.yaml") { Cwd = false };
        yield return new Mistake("flags/cwd-empty", "up", "--stack", "local", "--yes", "--cwd", "") { Cwd = false };

        // Output paths that would overwrite an input of the run.
        yield return new Mistake("flags/save-plan-onto-the-stack-file", [.. Preview(), "--save-plan", "{dir}/Pulumi.local.yaml"]) { Prepare = [Up()] };
        yield return new Mistake("flags/save-plan-onto-the-project-file", [.. Preview(), "--save-plan", "{dir}/Pulumi.yaml"]) { Prepare = [Up()] };
        yield return new Mistake("flags/save-plan-onto-the-state-file", [.. Preview(), "--save-plan", "{dir}/.provision/stacks/tenant-registrations/local.json"]) { Prepare = [Up()] };
        yield return new Mistake("flags/stack-export-onto-the-stack-file", "stack", "export", "--stack", "local", "--file", "{dir}/Pulumi.local.yaml") { Prepare = [Up()] };
        yield return new Mistake("flags/import-out-onto-the-state-file", "import", "--stack", "local", "--yes", "--out", "{dir}/.provision/stacks/tenant-registrations/local.json")
        {
            Prepare = [Up()],
            Arrange = p => p.Emulator.Store.SeedMappings(MistakeStacks.RegistrationSubscription, "azurestack", "azurestack-west", [(TheirSubscription, NewTenant)]),
        };

        // Saved plans that cannot be applied as they are.
        foreach (var (what, text) in new[]
        {
            ("garbage", "this is not a plan"),
            ("zero-byte", string.Empty),
            ("json-null", "null"),
            ("empty-object", "{}"),
            ("future-format-version", "{\"format_version\":\"9.0\",\"project\":\"tenant-registrations\",\"stack\":\"local\",\"operation\":\"up\",\"created\":\"2026-01-01T00:00:00Z\",\"targets\":[],\"prune\":false,\"refresh\":true,\"steps\":[],\"actual_fingerprint\":\"x\"}"),
            ("a-state-file-instead", "{\"version\":2,\"project\":\"tenant-registrations\",\"stack\":\"local\",\"sequence\":1,\"resources\":[]}"),
        })
        {
            yield return new Mistake($"flags/plan-{what}", [.. Up(), "--plan", "{dir}/the.plan"])
            {
                Prepare = [Up()],
                Arrange = p => p.Write("the.plan", text),
            };
        }

        foreach (var (what, extra) in new[] { ("with-target", Args("--target", "*contoso*")), ("with-prune", Args("--prune")) })
        {
            yield return new Mistake($"flags/plan-{what}", [.. Up(), "--plan", "{dir}/local.plan", .. extra])
            {
                Prepare = [Up(), ["preview", "--stack", "local", "--save-plan", "{dir}/local.plan"]],
            };
        }
    }
}
