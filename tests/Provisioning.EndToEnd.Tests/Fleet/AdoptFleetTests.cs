using System.Globalization;
using Provisioning.ArmEmulator;

namespace Provisioning.EndToEnd.Tests.Fleet;

/// <summary>
/// Adopting a fleet that exists in Azure (issue "Operators in CI", part 3), through the real CLI, the real ARM client and a
/// standalone emulator on loopback named as a custom cloud endpoint: init --from-azure writes a stack that previews clean;
/// mappings added in Azure afterwards are added to the stack file by import --write, which keeps what the operator wrote.
/// </summary>
public sealed class AdoptFleetTests : IAsyncLifetime
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string ResourceGroup = "azurestack";
    private static readonly string[] Stamps = ["azurestack-west", "azurestack-east", "azurestack-north"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "provision-fleet-" + Guid.NewGuid().ToString("N")[..12]);
    private ArmEmulator.ArmEmulator _emulator = null!;

    private string StackFile => Path.Combine(_folder, "Pulumi.prod.yaml");

    public async Task InitializeAsync()
    {
        // Plain HTTP on loopback, as the client allows for the emulator; pages of 20 so that every list has several.
        _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions { UseHttps = false, PageSize = 20 });
        for (var stamp = 0; stamp < Stamps.Length; stamp++)
        {
            _emulator.Store.SeedRegistration(Subscription, ResourceGroup, Stamps[stamp]);
            _emulator.Store.SeedMappings(Subscription, ResourceGroup, Stamps[stamp], Enumerable.Range(0, 50).Select(j => Mapping(stamp, j)));
        }

        // One registration elsewhere, which init must not declare.
        _emulator.Store.SeedRegistration("0fd630f1-f29d-4da9-953f-48f1a09f76b5", ResourceGroup, "azurestack-other");
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Init_from_azure_then_import_write_leave_a_stack_that_previews_clean_and_keeps_its_comments()
    {
        // Arrange: nothing but a folder name and the fleet in "Azure".
        var cloud = _emulator.BaseUri.ToString();

        // Act 1: init from Azure.
        var init = await RunAsync("init", "--cwd", _folder, "--project", "fleet", "--stack", "prod", "--cloud", cloud, "--from-azure", "--subscription", Subscription);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("declares 3 registration(s), 70 tenant(s) and 150 mapping(s); 150 were recorded in its state", init.Out, StringComparison.Ordinal);
        var written = await File.ReadAllTextAsync(StackFile);
        Assert.Contains($"    west:\n      subscriptionId: {Subscription}\n      resourceGroup: azurestack\n      name: azurestack-west\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("azurestack-other", written, StringComparison.Ordinal);
        Assert.Contains($"    tenant-{TenantOf(15)[..8]}:\n      tenantId: {TenantOf(15)}\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain(SubscriptionOf(5).ToUpperInvariant(), written, StringComparison.Ordinal);
        Assert.Equal(0, (await PreviewAsync()).ExitCode);

        // Arrange 2: the operator comments the file; five mappings appear in Azure outside provision.
        var commented = written.Replace("  fleet:tenants:\n", "  # Tenants reviewed by the billing team.\n  fleet:tenants:\n", StringComparison.Ordinal) + "# End of the prod stack.\n";
        await File.WriteAllTextAsync(StackFile, commented);
        _emulator.Store.SeedMappings(Subscription, ResourceGroup, "azurestack-west",
        [
            (Id("c", 1), Id("d", 1)),
            (Id("c", 2), Id("d", 2)),
            (Id("c", 3), Id("d", 3)),
        ]);
        _emulator.Store.SeedMappings(Subscription, ResourceGroup, "azurestack-east", [(SubscriptionOf(0), TenantOf(0))]);       // tenant 0 (west only) now on east too, same subscription
        _emulator.Store.SeedMappings(Subscription, ResourceGroup, "azurestack-north", [(Id("e", 9), TenantOf(1))]);           // tenant 1 on north, billed elsewhere
        var drift = await PreviewAsync("--fail-on-unmanaged");
        Assert.True(drift.ExitCode == 3, drift.ToString());

        // Act 2: import --write.
        var import = await RunAsync("import", "--cwd", _folder, "--stack", "prod", "--write", "--yes");

        // Assert: the five mappings are declared and recorded, the preview is clean, and the file kept what was there.
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Imported 5 mapping(s)", import.Error, StringComparison.Ordinal);
        Assert.Contains("Added 5 mapping(s) of 5 tenant(s) to Pulumi.prod.yaml", import.Error, StringComparison.Ordinal);
        var clean = await PreviewAsync("--fail-on-unmanaged");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        var after = await File.ReadAllTextAsync(StackFile);
        Assert.Contains("  # Tenants reviewed by the billing team.\n  fleet:tenants:\n", after, StringComparison.Ordinal);
        Assert.EndsWith("# End of the prod stack.\n", after, StringComparison.Ordinal);
        AssertKeptInOrder(commented, after);
        Assert.Equal(commented.Split('\n').Length + 12, after.Split('\n').Length);

        // And again: nothing left to import, the file is not touched.
        var again = await RunAsync("import", "--cwd", _folder, "--stack", "prod", "--write", "--yes");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(after, await File.ReadAllTextAsync(StackFile));
    }

    [Fact]
    public async Task Init_from_azure_refuses_a_stack_file_that_exists_and_reads_nothing()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(StackFile, "# mine\n");
        var requests = _emulator.RequestLog.Count;

        var init = await RunAsync("init", "--cwd", _folder, "--project", "fleet", "--stack", "prod", "--cloud", _emulator.BaseUri.ToString(), "--from-azure", "--subscription", Subscription);

        Assert.Equal(2, init.ExitCode);
        Assert.Contains("Pulumi.prod.yaml: error PRV241:", init.Error, StringComparison.Ordinal);
        Assert.Equal("# mine\n", await File.ReadAllTextAsync(StackFile));
        Assert.False(File.Exists(Path.Combine(_folder, "Pulumi.yaml")));
        Assert.Equal(requests, _emulator.RequestLog.Count);
    }

    [Fact]
    public async Task Init_from_azure_with_no_registration_in_the_subscription_writes_nothing()
    {
        var init = await RunAsync("init", "--cwd", _folder, "--project", "fleet", "--stack", "prod", "--cloud", _emulator.BaseUri.ToString(), "--from-azure", "--subscription", "11111111-2222-3333-4444-555555555555");

        Assert.Equal(2, init.ExitCode);
        Assert.Contains("error PRV247:", init.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder).Any());
    }

    private static Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(null, [.. args, "--credential", "local-emulator"]);

    private Task<CliResult> PreviewAsync(params string[] more) =>
        RunAsync(["preview", "--cwd", _folder, "--stack", "prod", "--expect-no-changes", .. more]);

    /// <summary>
    /// 50 mappings per stamp over 70 tenants: tenant (j + 10·stamp) mod 70, so tenants span one to three stamps; every
    /// seventh mapping on the north stamp is billed to a subscription of its own; one id of each kind is in upper case.
    /// </summary>
    private static (string Subscription, string Tenant) Mapping(int stamp, int j)
    {
        var tenant = (j + (10 * stamp)) % 70;
        var subscription = stamp == 2 && j % 7 == 0 ? Id("a", tenant) : SubscriptionOf(tenant);
        return (stamp == 0 && j == 5 ? subscription.ToUpperInvariant() : subscription, stamp == 1 && j == 5 ? TenantOf(tenant).ToUpperInvariant() : TenantOf(tenant));
    }

    private static string TenantOf(int tenant) => Id("b", tenant);

    private static string SubscriptionOf(int tenant) => Id("f", tenant);

    private static string Id(string prefix, int n) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:x7}-0000-4000-8000-{n:x12}");

    /// <summary>
    /// Every line of <paramref name="before"/> is in <paramref name="after"/>, in the same order: unchanged, or a flow list
    /// that gained items at its end (a declared tenant mapped on one more registration).
    /// </summary>
    private static void AssertKeptInOrder(string before, string after)
    {
        var lines = after.Split('\n');
        var at = 0;
        foreach (var line in before.Split('\n'))
        {
            while (at < lines.Length && lines[at] != line && !(line.EndsWith(']') && lines[at].StartsWith(line[..^1] + ", ", StringComparison.Ordinal)))
            {
                at++;
            }

            Assert.True(at < lines.Length, $"the line '{line}' was lost or moved");
            at++;
        }
    }
}
