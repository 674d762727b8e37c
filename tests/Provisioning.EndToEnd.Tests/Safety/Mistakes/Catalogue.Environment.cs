using Provisioning.State;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// The environment a command runs in: CI without --yes, a variable naming an unknown credential, a stack locked by
/// a run that is alive or whose lock file is not written yet (exit 4: never taken over, never "unknown (process 0)").
/// </summary>
internal static partial class Catalogue
{
    private static IEnumerable<Mistake> EnvironmentMistakes()
    {
        foreach (var (verb, args) in new[]
        {
            ("up", Args("up", "--stack", "local")),
            ("destroy", Args("destroy", "--stack", "local")),
            ("refresh", Args("refresh", "--stack", "local")),
            ("import", Args("import", "--stack", "local")),
        })
        {
            yield return new Mistake($"environment/ci-set-and-no-yes/{verb}", args)
            {
                Prepare = [Up()],
                Arrange = p => p.SetEnvironment("CI", "true"),
            };
        }

        // A pipeline with no backend would keep the state of a stack on a real cloud on a runner that is thrown away (PRV114).
        // Refused before anything is contacted, so the test's emulator stands in for that cloud.
        foreach (var (verb, args) in new[]
        {
            ("up", Args("up", "--stack", "local", "--yes")),
            ("destroy", Args("destroy", "--stack", "local", "--yes")),
        })
        {
            yield return new Mistake($"environment/ci-and-no-backend/{verb}", args)
            {
                Prepare = [Up()],
                Codes = ["PRV114"],
                Arrange = p =>
                {
                    p.Replace(p.StackFile(), "cloud: local", "cloud: AzureCloud");
                    p.SetEnvironment("CI", "true");
                },
            };
        }

        yield return new Mistake("environment/credential-variable-names-an-unknown-kind", Up())
        {
            Host = MistakeHost.Default,
            Arrange = p =>
            {
                ClearCredentials(p);
                p.SetEnvironment("PROVISION_CREDENTIAL", "bogus");
                p.UseEmulatorEndpoint();
            },
        };

        // A live run holds the lock (this process, so it is alive): every state-writing verb exits 4.
        foreach (var (verb, args) in new[]
        {
            ("up", Up()),
            ("destroy", Destroy()),
            ("refresh", Args("refresh", "--stack", "local", "--yes")),
            ("import", Args("import", "--stack", "local", "--yes")),
            ("stack-import", Args("stack", "import", "--stack", "local", "--file", "{dir}/.provision/stacks/tenant-registrations/local.json")),
        })
        {
            yield return new Mistake($"environment/locked-by-a-live-run/{verb}", args)
            {
                Exit = 4,
                Prepare = [Up()],
                Arrange = p => HoldLock(p),
            };
        }

        foreach (var (what, content) in new[] { ("empty", string.Empty), ("half-written", "{\"id\":\"5d1c"), ("garbage", "\u0000\u0001 not json") })
        {
            yield return new Mistake($"environment/lock-file-{what}/up", Up())
            {
                // A holder that has created the file but not yet written it is a holder: locked, and not named "process 0".
                Exit = 4,
                Prepare = [Up()],
                Arrange = p => p.Write(p.LockPath(), content),
                Forbidden = @"process 0\b|unknown \(process",
            };
        }
    }

    private static void HoldLock(MistakeProject p)
    {
        // Never released: the lock file stays in the case's folder, which is removed afterwards.
        var store = new LocalFileStateStore(p.StatePath());
        _ = store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)).GetAwaiter().GetResult();
    }
}
