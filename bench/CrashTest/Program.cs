using System.Globalization;
using CrashTest;

// Kills `provision up` with SIGKILL at random moments against the standalone emulator, then checks that the next
// `up` converges: emulator = desired, state = emulator, no mapping lost or duplicated.
// Run: dotnet build -c Release src/Provisioning.Cli && dotnet run -c Release --project bench/CrashTest -- --trials 50 --mappings 2000
var trials = IntOption("--trials", 50);
var mappings = IntOption("--mappings", 2000);
var seed = IntOption("--seed", Environment.TickCount);
var root = FindRoot();
var cli = Path.Combine(root, "src/Provisioning.Cli/bin/Release/net10.0/provision.dll");
var emulatorDll = Path.Combine(root, "src/Provisioning.ArmEmulator/bin/Release/net10.0/Provisioning.ArmEmulator.dll");
if (!File.Exists(cli) || !File.Exists(emulatorDll))
{
    Console.Error.WriteLine($"Build first: dotnet build -c Release src/Provisioning.Cli (looked for {cli} and {emulatorDll}).");
    return 2;
}

var tally = await CrashRun.RunAsync(cli, emulatorDll, trials, mappings, seed, Console.Out);
tally.Print(Console.Out, mappings, seed);
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
