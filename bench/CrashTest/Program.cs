using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CrashTest;

// Kills `provision up` with SIGKILL at random moments against the standalone emulator, then checks that the next
// `up` converges: emulator = desired, state = emulator, no mapping lost or duplicated.
// Run: dotnet build -c Release src/Provisioning.Cli && dotnet run -c Release --project bench/CrashTest -- --trials 50 --mappings 2000
var trials = IntOption("--trials", 50);
var mappings = IntOption("--mappings", 2000);
var seed = IntOption("--seed", Environment.TickCount);
var random = new Random(seed);
var root = FindRoot();
var cli = Path.Combine(root, "src/Provisioning.Cli/bin/Release/net10.0/provision.dll");
var emulatorDll = Path.Combine(root, "src/Provisioning.ArmEmulator/bin/Release/net10.0/Provisioning.ArmEmulator.dll");
if (!File.Exists(cli) || !File.Exists(emulatorDll))
{
    Console.Error.WriteLine($"Build first: dotnet build -c Release src/Provisioning.Cli (looked for {cli} and {emulatorDll}).");
    return 2;
}

var work = Directory.CreateTempSubdirectory("crash-test-").FullName;
using var emulator = await EmulatorProcess.StartAsync(emulatorDll, FreePort(), Path.Combine(work, "emulator.json"));
Console.WriteLine($"seed {seed}; emulator {emulator.BaseUri} (certificate {emulator.Thumbprint}); work folder {work}");

var stack = new DesiredStack(4, random);
stack.Fill(mappings);
foreach (var (_, name) in stack.Registrations)
{
    await emulator.PutRegistrationAsync(DesiredStack.SubscriptionId, DesiredStack.ResourceGroup, name);
}

await File.WriteAllTextAsync(Path.Combine(work, "Pulumi.yaml"), "name: crash\nruntime: provision\n");
var stackFile = Path.Combine(work, "Pulumi.crash.yaml");
var runner = new CliRunner(cli, work, emulator.Thumbprint);

// The first up creates everything.
await File.WriteAllTextAsync(stackFile, stack.ToYaml(emulator.BaseUri));
var first = await runner.RunToEndAsync();
if (first.ExitCode != 0)
{
    Console.Error.WriteLine($"the initial up failed ({first.ExitCode}):\n{first.Error}");
    return 1;
}

var tally = new Tally();
var mutation = Math.Max(3, mappings / 10);
// The first up creates everything (paced by the writes bucket); a trial moves a tenth of that, so start from a few seconds.
var lastRun = TimeSpan.FromSeconds(3);
for (var trial = 1; trial <= trials; trial++)
{
    stack.Mutate(mutation, mappings);
    await File.WriteAllTextAsync(stackFile, stack.ToYaml(emulator.BaseUri));
    var delay = TimeSpan.FromMilliseconds(random.Next(50, Math.Max(100, (int)lastRun.TotalMilliseconds)));
    var killed = await runner.RunAndKillAsync(delay);
    var staleLock = await runner.ReleaseStaleLockAsync();
    var next = await runner.RunToEndAsync();
    lastRun = next.Elapsed > TimeSpan.FromSeconds(1) ? next.Elapsed : lastRun;
    var problems = await Check.ConvergedAsync(next, stack, emulator, work);
    tally.Add(killed, staleLock, next.PendingFindings, problems.Count == 0);
    var status = problems.Count == 0 ? "converged" : "FAILED: " + string.Join("; ", problems);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"trial {trial,3}: {stack.MappingCount,5} mappings, kill after {delay.TotalMilliseconds,5:0} ms{(killed ? " (mid-run)" : " (had finished)")}{(staleLock ? ", stale lock released" : string.Empty)}, {next.PendingFindings,3} pending resolved, {status}"));
}

tally.Print(trials, mappings, seed);
Directory.Delete(work, recursive: true);
return tally.Failures == 0 ? 0 : 1;

int IntOption(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Provisioning.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
