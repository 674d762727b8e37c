using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CrashTest;

/// <summary>
/// The crash test proper: starts the standalone emulator, seeds a stack's registrations, runs a first <c>up</c>,
/// then per trial mutates the stack, SIGKILLs an <c>up</c> after a random delay and checks the next <c>up</c> converges.
/// </summary>
internal static class CrashRun
{
    /// <summary>Runs <paramref name="trials"/> trials over a stack of <paramref name="mappings"/> mappings; writes one line per trial.</summary>
    public static async Task<Tally> RunAsync(string cliDll, string emulatorDll, int trials, int mappings, int seed, TextWriter log)
    {
        var random = new Random(seed);
        var work = Directory.CreateTempSubdirectory("crash-test-").FullName;
        try
        {
            using var emulator = await EmulatorProcess.StartAsync(emulatorDll, FreePort(), Path.Combine(work, "emulator.json"));
            log.WriteLine($"seed {seed}; emulator {emulator.BaseUri} (certificate {emulator.Thumbprint}); work folder {work}");

            var stack = new DesiredStack(4, random);
            stack.Fill(mappings);
            foreach (var (_, name) in stack.Registrations)
            {
                await emulator.PutRegistrationAsync(DesiredStack.SubscriptionId, DesiredStack.ResourceGroup, name);
            }

            await File.WriteAllTextAsync(Path.Combine(work, "Pulumi.yaml"), "name: crash\nruntime: provision\n");
            var stackFile = Path.Combine(work, "Pulumi.crash.yaml");
            var runner = new CliRunner(cliDll, work, emulator.Thumbprint);

            // The first up creates everything.
            await File.WriteAllTextAsync(stackFile, stack.ToYaml(emulator.BaseUri));
            var first = await runner.RunToEndAsync();
            if (first.ExitCode != 0)
            {
                throw new InvalidOperationException($"the initial up failed ({first.ExitCode}):\n{first.Error}");
            }

            // The first up is paced by the writes bucket; a trial moves a tenth of that, so start from a few seconds.
            var tally = new Tally();
            var mutation = Math.Max(3, mappings / 10);
            var lastRun = TimeSpan.FromSeconds(3);
            for (var trial = 1; trial <= trials; trial++)
            {
                stack.Mutate(mutation, mappings);
                await File.WriteAllTextAsync(stackFile, stack.ToYaml(emulator.BaseUri));
                var delay = TimeSpan.FromMilliseconds(random.Next(50, Math.Max(100, (int)lastRun.TotalMilliseconds)));
                var killed = await runner.RunAndKillAsync(delay);
                var staleLock = runner.StaleLockLeft();
                var next = await runner.RunToEndAsync();
                lastRun = next.Elapsed > TimeSpan.FromSeconds(1) ? next.Elapsed : lastRun;
                var problems = await Check.ConvergedAsync(next, stack, emulator, work);
                if (staleLock && !next.Error.Contains("released the lock of a run that is no longer running", StringComparison.Ordinal))
                {
                    problems.Add("the killed run's lock was not released by the next up");
                }

                tally.Add(killed, staleLock, next.PendingFindings, problems.Count == 0);
                var status = problems.Count == 0 ? "converged" : "FAILED: " + string.Join("; ", problems);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trial {trial,3}: {stack.MappingCount,5} mappings, kill after {delay.TotalMilliseconds,5:0} ms{(killed ? " (mid-run)" : " (had finished)")}{(staleLock ? ", stale lock taken over" : string.Empty)}, {next.PendingFindings,3} pending resolved, {status}"));
            }

            return tally;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
