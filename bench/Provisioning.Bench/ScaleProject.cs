using System.Globalization;
using System.Text;
using Provisioning.ArmEmulator;
using Provisioning.Config;
using Provisioning.State;
using Emulator = Provisioning.ArmEmulator.ArmEmulator;

namespace Provisioning.Bench;

/// <summary>
/// A generated project in a temporary folder: <c>Pulumi.yaml</c>, a <c>cloud: local</c> stack of
/// registrations × tenants (every tenant on every registration, each registration in its own subscription),
/// the embedded emulator's data file holding exactly those mappings, and a state file that matches, so
/// <c>provision preview</c> refreshes and finds nothing to change.
/// </summary>
internal sealed class ScaleProject : IDisposable
{
    public const string Project = "bench";

    private ScaleProject(string directory, string stack, int mappings)
    {
        Directory = directory;
        Stack = stack;
        Mappings = mappings;
    }

    public string Directory { get; }

    public string Stack { get; }

    public int Mappings { get; }

    /// <summary>The emulator's data file, seeded with every mapping: the embedded emulator's, or the one a standalone emulator is given.</summary>
    public string EmulatorDataFile => Path.Combine(Directory, ".provision", "emulator", "arm.json");

    /// <summary>
    /// Generates the project; <paramref name="endpoint"/> (a standalone emulator's <c>https://127.0.0.1:PORT/</c>) replaces
    /// <c>cloud: local</c> when given.
    /// </summary>
    public static async Task<ScaleProject> CreateAsync(string stack, int registrations, int tenants, Uri? endpoint = null, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("provision-bench-").FullName;
        var project = new ScaleProject(directory, stack, registrations * tenants);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, StackLoader.ProjectFileName), $"name: {Project}\nruntime: provision\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, StackLoader.StackFileName(stack)), StackYaml(registrations, tenants, endpoint), cancellationToken);
            await SeedEmulatorAsync(directory, registrations, tenants, cancellationToken);
            await WriteStateAsync(directory, stack, cancellationToken);
            return project;
        }
        catch
        {
            project.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PROVISION_BENCH_KEEP") == "1")
        {
            Console.Error.WriteLine($"kept {Directory}");
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    public static string RegistrationSubscription(int r) => string.Create(CultureInfo.InvariantCulture, $"{r:x8}-0000-4000-8000-00000000000a");

    public static string RegistrationName(int r) => string.Create(CultureInfo.InvariantCulture, $"azurestack-{r:x8}-0000-4000-8000-00000000000b");

    public static string TenantId(int t) => string.Create(CultureInfo.InvariantCulture, $"{t:x8}-1111-4000-8000-00000000000c");

    public static string TenantSubscription(int t) => string.Create(CultureInfo.InvariantCulture, $"{t:x8}-2222-4000-8000-00000000000d");

    private static string StackYaml(int registrations, int tenants, Uri? endpoint)
    {
        var yaml = new StringBuilder();
        var keys = string.Join(", ", Enumerable.Range(0, registrations).Select(r => $"r{r}"));
        var cloud = endpoint is null ? "local" : $"{endpoint}\n  {Project}:tokenScope: {endpoint}.default";
        yaml.Append(CultureInfo.InvariantCulture, $"config:\n  {Project}:cloud: {cloud}\n  {Project}:registrations:\n");
        for (var r = 0; r < registrations; r++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    r{r}:\n      subscriptionId: {RegistrationSubscription(r)}\n      resourceGroup: azurestack\n      name: {RegistrationName(r)}\n");
        }

        // An empty section is written as {}: a tenants key with nothing under it is refused as a cut-off file.
        yaml.Append(CultureInfo.InvariantCulture, $"  {Project}:tenants:{(tenants == 0 ? " {}" : string.Empty)}\n");
        for (var t = 0; t < tenants; t++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"    t{t}:\n      tenantId: {TenantId(t)}\n      subscriptionId: {TenantSubscription(t)}\n      registrations: [{keys}]\n");
        }

        return yaml.ToString();
    }

    private static async Task SeedEmulatorAsync(string directory, int registrations, int tenants, CancellationToken cancellationToken)
    {
        var dataFile = Path.Combine(directory, ".provision", "emulator", "arm.json"); // EmulatorDataFile
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
        var options = new ArmEmulatorOptions { DataFile = dataFile, UseHttps = false, Throttling = { Enabled = false } };
        await using var emulator = await Emulator.StartAsync(options, cancellationToken);
        var pairs = Enumerable.Range(0, tenants).Select(t => (TenantSubscription(t), TenantId(t))).ToList();
        for (var r = 0; r < registrations; r++)
        {
            emulator.Store.SeedRegistration(RegistrationSubscription(r), "azurestack", RegistrationName(r));
            emulator.Store.SeedMappings(RegistrationSubscription(r), "azurestack", RegistrationName(r), pairs);
        }
    }

    private static async Task WriteStateAsync(string directory, string stack, CancellationToken cancellationToken)
    {
        var loaded = StackLoader.Load(directory, stack);
        if (loaded.HasErrors)
        {
            throw new InvalidOperationException("The generated stack is invalid: " + string.Join("; ", loaded.Diagnostics.Select(d => d.Message)));
        }

        var desired = loaded.Stack!.Expand();
        var checkpoint = Checkpoint.Empty(Project, stack) with
        {
            Updated = DateTimeOffset.UtcNow,
            Resources = [.. desired.Resources.Select(r => ResourceState.From(r))],
        };
        var path = Path.Combine(directory, ".provision", "stacks", Project, $"{stack}.json");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var store = new LocalFileStateStore(path);
        await store.WriteAsync(checkpoint, cancellationToken);
    }
}
